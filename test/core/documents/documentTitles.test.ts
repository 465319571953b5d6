import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, documentTitle } from '../../../functions/core/documents/DocumentKind.js';
import { exampleJson, exampleRecord } from '../../support/examples.js';

describe('documentTitle', () => {
  it('names each kind of document as staff call it', () => {
    const merit = exampleRecord('merit-he-xia');
    expect(DOCUMENT_KINDS.map((kind) => documentTitle(kind, merit))).toEqual([
      '荣誉证书',
      '嘉奖令',
      '慰问电',
      '表扬通报',
    ]);
  });

  it('names a telegram after its variant: 唁电 to the family of the fallen, 慰问电 otherwise', () => {
    expect(documentTitle('telegram', exampleRecord('telegram-condolence-he-jianhua'))).toBe('唁电');
    expect(documentTitle('telegram', exampleRecord('telegram-sympathy-sun-dejian'))).toBe('慰问电');
    // A stored item is named as its record is.
    expect(documentTitle('telegram', exampleJson('telegram-condolence-li-xiaohuan'))).toBe('唁电');
  });

  it('shows a kind it does not know as it is', () => {
    expect(documentTitle('new-kind', {})).toBe('new-kind');
  });
});

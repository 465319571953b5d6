import { describe, expect, it } from 'vitest';
import { awardFromItem, itemOfAward, readableAward } from '../../../functions/adapters/dynamodb/awardItem.js';
import { type Award, awardOfRecord } from '../../../functions/core/award/Award.js';
import { RecordValidationError } from '../../../functions/core/records/index.js';
import { exampleJson } from '../../support/examples.js';
import { thrown } from '../../support/thrown.js';
import { certificateRef } from '../../support/documentRefs.js';

const ref = certificateRef(1);

describe('award items', () => {
  it('keeps an award whole through its item: record, revision, documents and what the pipeline did', () => {
    const rendered: Award = {
      ...awardOfRecord(exampleJson('merit-zhang-peng'), 7),
      documents: [ref],
      rendering: { renderedVersion: 1, renderedAt: 't' },
    };
    const failed: Award = {
      ...awardOfRecord(exampleJson('merit-he-xia'), 2),
      rendering: { failure: { version: 1, reason: 'grade: must be 1, 2 or 3' } },
    };
    for (const award of [rendered, failed]) expect(awardFromItem(itemOfAward(award))).toEqual(award);
    expect(itemOfAward(rendered)).toMatchObject({
      pk: 'AWARD#merit-zhang-peng',
      itemType: 'AWARD',
      renderStatus: 'RENDERED',
      region: '呼伦贝尔市',
    });
    expect(itemOfAward(failed)).toMatchObject({
      renderStatus: 'FAILED',
      failedVersion: 1,
      failureReason: 'grade: must be 1, 2 or 3',
    });
  });

  it('reads an item written without a revision as revision 0, and one without a version as version 1', () => {
    const { version: _v, ...json } = exampleJson('merit-zhang-peng');
    expect(awardFromItem({ ...json, pk: 'AWARD#merit-zhang-peng', itemType: 'AWARD' })).toMatchObject({
      revision: 0,
      record: { version: 1 },
    });
  });

  it('leaves other items to their own readers, and refuses an award item it cannot read', () => {
    expect(awardFromItem({ pk: 'COUNTER#内公奖#2020', itemType: 'NUMBER_COUNTER', lastSerial: 3 })).toBeUndefined();
    const unreadable = {
      ...exampleJson('merit-zhang-peng'),
      pk: 'AWARD#merit-zhang-peng',
      itemType: 'AWARD',
      status: 'DONE',
      version: 'one',
    };
    expect(thrown(RecordValidationError, () => awardFromItem(unreadable)).message).toBe(
      'record merit-zhang-peng: status: must be one of DRAFT, SUBMITTED, APPROVED, REVOKED; ' +
        'version: must be a whole number from 1',
    );
    expect(readableAward(unreadable)).toBeUndefined();
  });
});

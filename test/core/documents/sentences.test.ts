import { describe, expect, it } from 'vitest';
import { endSentence, withoutFinalMark } from '../../../functions/core/documents/sentences.js';

describe('sentences as templates join them (typography.md §6)', () => {
  it('ends a closing formula with 。 once, keeping a mark that already ends it', () => {
    expect(endSentence('特此通报')).toBe('特此通报。');
    expect(endSentence('特此通报。')).toBe('特此通报。');
    expect(endSentence('特此通报！')).toBe('特此通报！');
    expect(endSentence('特此通报，')).toBe('特此通报。');
    expect(endSentence('特此通报 ')).toBe('特此通报。');
  });

  it('takes the final marks off a phrase a sentence goes on from', () => {
    expect(withoutFinalMark('表现突出！')).toBe('表现突出');
    expect(withoutFinalMark('表现突出……')).toBe('表现突出');
    expect(withoutFinalMark('表现突出.')).toBe('表现突出');
    expect(withoutFinalMark('表现突出')).toBe('表现突出');
  });
});

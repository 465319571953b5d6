import { describe, expect, it } from 'vitest';
import { arabicDate, chineseDate } from '../../../../functions/core/engine/templates/chineseDates.js';

describe('document dates', () => {
  it('writes certificate dates in Chinese numerals with 〇 (U+3007)', () => {
    expect(chineseDate('2020-02-05T10:30:00+08:00')).toBe('二〇二〇年二月五日');
    expect(chineseDate('2020-02-05T10:30:00+08:00')).not.toMatch(/[○O]/);
    expect(chineseDate('2020-10-10T00:00:00+08:00')).toBe('二〇二〇年十月十日');
    expect(chineseDate('2020-12-20T00:00:00+08:00')).toBe('二〇二〇年十二月二十日');
    expect(chineseDate('2021-01-31T00:00:00+08:00')).toBe('二〇二一年一月三十一日');
  });

  it('writes official-document dates in Arabic numerals without zero padding', () => {
    expect(arabicDate('2020-02-05T10:30:00+08:00')).toBe('2020年2月5日');
  });

  it('dates a document in Beijing time whatever offset the record used', () => {
    expect(arabicDate('2020-02-04T17:00:00Z')).toBe('2020年2月5日');
    expect(chineseDate('2020-02-04T15:59:59Z')).toBe('二〇二〇年二月四日');
  });
});

import { describe, expect, it } from 'vitest';
import {
  dateText,
  dateTimeText,
  documentFacts,
  kindName,
  linkValidity,
  statusName,
} from '../../../web/staff/chineseText.js';

describe('what the staff page prints', () => {
  it('names kinds and statuses as staff call them, and leaves an unknown code as it is', () => {
    expect([kindName('merit'), kindName('honorary-title'), kindName('telegram'), kindName('new-kind')]).toEqual([
      '战时记功',
      '荣誉称号',
      '慰问电',
      'new-kind',
    ]);
    expect([statusName('APPROVED'), statusName('REVOKED'), statusName('SUBMITTED'), statusName('DRAFT')]).toEqual([
      '已批准',
      '已撤销',
      '待审批',
      '草稿',
    ]);
  });

  it('prints dates in Beijing time, as the documents do', () => {
    expect(dateText('2020-02-13T20:00:00Z')).toBe('2020年2月14日');
    expect(dateText(undefined)).toBe('—');
    expect(dateTimeText('2020-02-13T16:05:00Z')).toBe('2020年2月14日 00:05');
  });

  it('says how long a link works, rounding up to whole minutes', () => {
    const now = Date.parse('2020-02-14T00:00:00Z');
    expect(linkValidity('2020-02-14T00:15:00Z', now)).toBe('15分钟内有效');
    expect(linkValidity('2020-02-14T00:14:30Z', now)).toBe('15分钟内有效');
    expect(linkValidity('2020-02-14T00:00:20Z', now)).toBe('1分钟内有效');
    expect(linkValidity('2020-02-13T23:59:00Z', now)).toBe('已过期');
    expect(linkValidity('2020-02-21T00:00:00Z', now)).toBe('168小时内有效');
  });

  it('gives a document’s version only after a correction, and its pages', () => {
    expect(documentFacts({ version: 1, pages: 1 })).toBe('1页');
    expect(documentFacts({ version: 2, pages: 3 })).toBe('第2版，3页');
  });
});

import { describe, expect, it } from 'vitest';
import type { ReviewItem } from '../../../web/staff/deskApi.js';
import {
  approvalList,
  decidedText,
  decisionsOf,
  reasonMissing,
  undrawnText,
  versionText,
} from '../../../web/staff/reviewRules.js';

const item = (changes: Partial<ReviewItem> = {}): ReviewItem => ({
  id: 'merit-he-xia',
  kind: 'merit',
  region: '鄂尔多斯市',
  title: '个人三等功',
  recipient: '贺霞',
  status: 'SUBMITTED',
  revision: 1,
  version: 1,
  problems: [],
  ...changes,
});

describe('what the 审批 tab offers for an award', () => {
  it('offers every decision on a submitted award, but no approval while something stands in its way', () => {
    expect(decisionsOf(item())).toEqual({ approve: true, return: true, reject: true });
    expect(decisionsOf(item({ problems: ['无法生成样稿：recipient.name …'] }))).toEqual({
      approve: false,
      return: true,
      reject: true,
    });
  });

  it('offers only rejection on a returned award, and nothing on a decided one', () => {
    expect(decisionsOf(item({ status: 'RETURNED', reason: '单位有误' }))).toEqual({
      approve: false,
      return: false,
      reject: true,
    });
    expect(decisionsOf(item({ status: 'APPROVED' }))).toEqual({ approve: false, return: false, reject: false });
  });

  it('requires a reason to return or reject, none to approve', () => {
    expect(reasonMissing('return', '  ')).toBe('请填写退回修改的原因。');
    expect(reasonMissing('reject', '')).toBe('请填写不予批准的原因。');
    expect(reasonMissing('return', '单位有误')).toBeUndefined();
    expect(reasonMissing('approve', '')).toBeUndefined();
  });

  it('approves, of the selection, only the awards that may be approved, each on its revision', () => {
    const items = [
      item({ id: 'a', revision: 3 }),
      item({ id: 'b', problems: ['生成失败：…'] }),
      item({ id: 'c', status: 'RETURNED' }),
      item({ id: 'd', revision: 7 }),
    ];
    expect(approvalList(items, new Set(['a', 'b', 'c']))).toEqual([{ id: 'a', revision: 3 }]);
    expect(approvalList(items, new Set(['a', 'b', 'c', 'd', 'gone']))).toEqual([
      { id: 'a', revision: 3 },
      { id: 'd', revision: 7 },
    ]);
    expect(approvalList(items, new Set())).toEqual([]);
  });

  it('words versions and outcomes as approvers read them', () => {
    expect(versionText(1)).toBe('第1版');
    expect(versionText(2)).toBe('第2版（已更正）');
    expect(decidedText('approve', [item()])).toBe('已批准：贺霞（个人三等功）。');
    expect(decidedText('return', [item({ recipient: '何建华', title: '追记个人一等功' })])).toBe(
      '已退回修改：何建华（追记个人一等功）。',
    );
    expect(decidedText('approve', [item(), item({ id: 'b' })])).toBe('已批准 2 项表彰。');
    expect(undrawnText('recipient.name')).toBe('无法生成样稿：字段 recipient.name 有误，原因见“此表彰存在问题”。');
  });
});

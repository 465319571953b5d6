import type { Decision, ReviewItem } from './deskApi.js';

/** The statuses the 审批 tab lists: what waits for a decision, and what went back for correction. */
export const REVIEW_STATUSES = [
  { code: 'SUBMITTED', name: '待审批' },
  { code: 'RETURNED', name: '已退回' },
] as const;

export const DECISION_NAMES: Readonly<Record<Decision, string>> = {
  approve: '批准',
  return: '退回修改',
  reject: '不予批准',
};

/**
 * Which decisions the page offers for an award, as the state machine allows them: a submitted
 * award is approved (unless something stands in the way of its documents), returned or
 * rejected; a returned one waits for its correction and can only be rejected.
 */
export function decisionsOf(item: ReviewItem): Readonly<Record<Decision, boolean>> {
  const submitted = item.status === 'SUBMITTED';
  return {
    approve: submitted && item.problems.length === 0,
    return: submitted,
    reject: submitted || item.status === 'RETURNED',
  };
}

/** Why the decision cannot be sent as written (a return or rejection needs its reason), or undefined. */
export function reasonMissing(decision: Decision, reason: string): string | undefined {
  if (decision === 'approve' || reason.trim() !== '') return undefined;
  return `请填写${DECISION_NAMES[decision]}的原因。`;
}

/** The approval list of the selected awards the page may approve, each on the revision shown. */
export function approvalList(
  items: readonly ReviewItem[],
  selected: ReadonlySet<string>,
): { id: string; revision: number }[] {
  return items
    .filter((item) => selected.has(item.id) && decisionsOf(item).approve)
    .map(({ id, revision }) => ({ id, revision }));
}

/** 第2版（已更正） for a corrected record, 第1版 otherwise. */
export function versionText(version: number): string {
  return version > 1 ? `第${version}版（已更正）` : `第${version}版`;
}

/** What a decision did, in one sentence above the list. */
export function decidedText(decision: Decision, items: readonly Pick<ReviewItem, 'recipient' | 'title'>[]): string {
  const done = { approve: '已批准', return: '已退回修改', reject: '已决定不予批准' }[decision];
  if (items.length === 1) return `${done}：${items[0]!.recipient}（${items[0]!.title}）。`;
  return `${done} ${items.length} 项表彰。`;
}

/** Why a draft is missing when the problems list already gives the reason. */
export function undrawnText(field: string | undefined): string {
  return `无法生成样稿${field ? `：字段 ${field} 有误` : ''}，原因见“此表彰存在问题”。`;
}

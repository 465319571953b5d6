import { dateTimeText, kindName, statusName } from './chineseText.js';
import type { Decision, ReviewItem } from './deskApi.js';
import { h } from './dom.js';
import { DECISION_NAMES, decisionsOf, versionText } from './reviewRules.js';

/** The columns of the review table: the detail row beneath an award spans them all. */
export const REVIEW_COLUMNS = 7;

/** One row per award waiting: a checkbox for the batch (only if it may be approved), and 审阅. */
export function reviewRow(
  item: ReviewItem,
  {
    selected,
    onSelect,
    onOpen,
  }: {
    selected: boolean;
    onSelect: (item: ReviewItem, selected: boolean) => void;
    onOpen: (item: ReviewItem, row: HTMLTableRowElement, button: HTMLButtonElement) => void;
  },
): HTMLTableRowElement {
  const approvable = decisionsOf(item).approve;
  const checkbox = h('input', {
    type: 'checkbox',
    'data-select': item.id,
    'aria-label': `选择 ${item.recipient}`,
    disabled: !approvable,
    title: approvable ? '加入批量批准' : '此项不能批准',
  });
  checkbox.checked = selected && approvable;
  checkbox.addEventListener('change', () => onSelect(item, checkbox.checked));
  const button = h(
    'button',
    { type: 'button', class: 'link-button', 'aria-expanded': 'false', 'data-review': item.id },
    '审阅',
  );
  const row = h(
    'tr',
    { 'data-review-item': item.id, class: item.problems.length > 0 ? 'has-problems' : undefined },
    h('td', { class: 'select' }, checkbox),
    h('td', {}, h('span', { class: 'name' }, item.recipient), h('span', { class: 'id' }, item.id)),
    h('td', {}, h('span', { class: 'award-title' }, item.title), h('span', { class: 'kind' }, kindName(item.kind))),
    h('td', {}, item.region),
    h('td', { 'data-version': String(item.version) }, versionText(item.version)),
    h(
      'td',
      { class: 'state' },
      h('span', { class: `status status-${item.status.toLowerCase()}` }, statusName(item.status)),
      item.problems.length > 0 && h('span', { class: 'status status-problem' }, `${item.problems.length} 个问题`),
      item.reason && h('span', { class: 'reason' }, `原因：${item.reason}`),
      item.submittedAt && h('span', { class: 'submitted' }, `提交于 ${dateTimeText(item.submittedAt)}`),
    ),
    h('td', {}, button),
  );
  button.addEventListener('click', () => onOpen(item, row, button));
  return row;
}

/** What stands in the way of approving, where the approver cannot miss it. */
export function problemList(problems: readonly string[]): HTMLElement | undefined {
  if (problems.length === 0) return undefined;
  return h(
    'div',
    { class: 'problems', role: 'alert' },
    h('strong', {}, '此表彰存在问题，不能批准：'),
    h('ul', {}, ...problems.map((problem) => h('li', {}, problem))),
    h('p', {}, '请退回修改，说明需更正的内容。'),
  );
}

function facts(item: ReviewItem): HTMLElement {
  const pairs: [string, string | undefined][] = [
    ['获奖对象', item.recipient],
    ['奖励', item.title],
    ['类别', kindName(item.kind)],
    ['地区', item.region],
    ['版本', versionText(item.version)],
    ['提交时间', item.submittedAt && dateTimeText(item.submittedAt)],
    ['状态', statusName(item.status)],
    [item.status === 'RETURNED' ? '退回原因' : '原因', item.reason],
    ['记录编号', item.id],
  ];
  return h(
    'dl',
    { class: 'award-facts' },
    ...pairs.flatMap(([term, value]) => (value ? [h('dt', {}, term), h('dd', {}, value)] : [])),
  );
}

export interface ReviewDetail {
  readonly row: HTMLTableRowElement;
  /** Where the draft goes once fetched. */
  readonly draft: HTMLElement;
  /** The outcome of a decision that was refused, beside the buttons. */
  readonly message: HTMLElement;
  readonly buttons: Readonly<Record<Decision, HTMLButtonElement>>;
}

/** An award opened: its problems, its data, its draft, and the decision with its reason. */
export function reviewDetail(
  item: ReviewItem,
  onDecide: (decision: Decision, reason: string, detail: ReviewDetail) => void,
): ReviewDetail {
  const allowed = decisionsOf(item);
  const reason = h('textarea', {
    name: 'reason',
    rows: '2',
    maxlength: '500',
    placeholder: '退回修改、不予批准时必填，例如：姓名与身份证不符，请核对。',
  });
  const button = (decision: Decision, className: string) =>
    h(
      'button',
      {
        type: 'button',
        class: className,
        'data-decision': decision,
        disabled: !allowed[decision],
        title: allowed[decision] ? undefined : cannotText(item, decision),
      },
      DECISION_NAMES[decision],
    );
  const buttons = {
    approve: button('approve', 'approve'),
    return: button('return', 'secondary'),
    reject: button('reject', 'secondary danger'),
  };
  const message = h('p', { class: 'decision-message', role: 'status' });
  const draft = h('div', { class: 'draft-slot' }, h('p', { class: 'hint' }, '正在生成样稿…'));
  const detail: ReviewDetail = {
    row: h(
      'tr',
      { class: 'review-detail', 'data-review-of': item.id },
      h(
        'td',
        { colspan: String(REVIEW_COLUMNS) },
        h(
          'div',
          { class: 'review-body' },
          h(
            'div',
            { class: 'review-side' },
            problemList(item.problems),
            facts(item),
            h(
              'form',
              { class: 'decision' },
              h('label', {}, '审批意见', reason),
              h('div', { class: 'decision-buttons' }, buttons.approve, buttons.return, buttons.reject),
              item.status === 'RETURNED' && h('p', { class: 'hint' }, '已退回，待录入人员更正后重新提交审批。'),
              message,
            ),
          ),
          h(
            'div',
            { class: 'draft' },
            h('h3', {}, '文书样稿'),
            h('p', { class: 'hint' }, '样稿仅供审批核对：无文号、无核验码、未签章，不是正式文书。'),
            draft,
          ),
        ),
      ),
    ),
    draft,
    message,
    buttons,
  };
  for (const decision of Object.keys(buttons) as Decision[])
    buttons[decision].addEventListener('click', () => onDecide(decision, reason.value, detail));
  return detail;
}

function cannotText(item: ReviewItem, decision: Decision): string {
  if (decision === 'approve' && item.status === 'SUBMITTED') return '存在问题，不能批准';
  return `${statusName(item.status)}的表彰不能${DECISION_NAMES[decision]}`;
}

/**
 * The draft shown in the page from its blob: address, fitted to the frame's width (Chromium's and
 * Firefox's viewers read the open parameters after #), with a link to open it on its own.
 */
export function draftFrame(url: string, item: ReviewItem): HTMLElement {
  return h(
    'div',
    { class: 'draft-view' },
    h('iframe', {
      class: 'draft-frame',
      src: `${url}#navpanes=0&view=FitH`,
      title: `样稿：${item.recipient}（${item.title}）`,
    }),
    h('a', { href: url, target: '_blank', rel: 'noopener', class: 'open-draft' }, '新窗口打开'),
  );
}

/** Why there is no draft to show. */
export function draftMissing(message: string): HTMLElement {
  return h('p', { class: 'problems draft-missing', role: 'alert' }, message);
}

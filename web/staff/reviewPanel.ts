import { type DeskApi, DeskApiError, type Decision, type ReviewItem } from './deskApi.js';
import { byId, h } from './dom.js';
import { approvalList, decidedText, REVIEW_STATUSES, reasonMissing, undrawnText } from './reviewRules.js';
import { draftFrame, draftMissing, type ReviewDetail, reviewDetail, reviewRow } from './reviewView.js';

/** Approval follows at once in the awards tab: said so after an approval. */
const AFTER_APPROVAL = '文书生成后可在“表彰记录”中下载。';

/**
 * The 审批 tab: the awards waiting (待审批) or sent back (已退回), each opening to its data and
 * its draft; decisions one at a time or as a batch. Every decision is taken on the revision the
 * list showed: when the award moved meanwhile (409) the list is read again.
 */
export function startReviewPanel(api: DeskApi, failed: (error: unknown) => void): { show(): void } {
  const status = byId<HTMLSelectElement>('review-status');
  if (status.options.length === 0)
    status.append(...REVIEW_STATUSES.map(({ code, name }) => h('option', { value: code }, name)));
  const body = byId('review-rows');
  const more = byId<HTMLButtonElement>('review-more');
  const summary = byId('review-summary');
  const outcome = byId('review-outcome');
  const batch = byId<HTMLButtonElement>('approve-selected');
  const selectAll = byId<HTMLInputElement>('review-select-all');

  let items: ReviewItem[] = [];
  let cursor: string | undefined;
  const selected = new Set<string>();
  /** The drafts' blob: addresses, released when their award closes or the list is read again. */
  const draftUrls = new Map<string, string>();

  const say = (message: string | undefined, kind: 'done' | 'warning' = 'done') => {
    outcome.hidden = message === undefined;
    outcome.textContent = message ?? '';
    outcome.className = `notice ${kind}`;
  };
  const release = (id?: string) => {
    for (const [award, url] of draftUrls)
      if (id === undefined || award === id) {
        URL.revokeObjectURL(url);
        draftUrls.delete(award);
      }
  };
  const refreshBatch = () => {
    const list = approvalList(items, selected);
    batch.disabled = list.length === 0;
    batch.textContent = list.length > 0 ? `批准所选（${list.length}）` : '批准所选';
    const approvable = approvalList(items, new Set(items.map((item) => item.id)));
    selectAll.disabled = approvable.length === 0;
    selectAll.checked = approvable.length > 0 && list.length === approvable.length;
  };

  const showDraft = async (item: ReviewItem, detail: ReviewDetail) => {
    try {
      const url = URL.createObjectURL(await api.draft(item.id));
      release(item.id);
      draftUrls.set(item.id, url);
      detail.draft.replaceChildren(draftFrame(url, item));
    } catch (error) {
      if (!(error instanceof DeskApiError) || error.status === 401) return failed(error);
      // The problems above already say why the record cannot be drawn: the draft's place names the field.
      const said = error.status === 422 && item.problems.length > 0;
      detail.draft.replaceChildren(draftMissing(said ? undrawnText(error.field) : error.message));
      if (error.status === 422) detail.buttons.approve.disabled = true;
    }
  };

  const open = (item: ReviewItem, row: HTMLTableRowElement, button: HTMLButtonElement) => {
    const shown = row.nextElementSibling?.classList.contains('review-detail') ? row.nextElementSibling : undefined;
    if (shown) {
      shown.remove();
      release(item.id);
      button.setAttribute('aria-expanded', 'false');
      return;
    }
    const detail = reviewDetail(item, (decision, reason, opened) => void decide(item, decision, reason, opened));
    row.after(detail.row);
    button.setAttribute('aria-expanded', 'true');
    void showDraft(item, detail);
  };

  /** A refused decision: a moved award reloads the list (reopened), anything else is said where it was taken. */
  const refused = async (error: unknown, where: HTMLElement | undefined, reopen?: string) => {
    if (!(error instanceof DeskApiError) || error.status === 401 || error.status === 0) return failed(error);
    if (error.status === 409 || error.status === 404) {
      await load(true, reopen);
      say(error.message, 'warning');
      return;
    }
    if (where) where.textContent = error.message;
    else say(error.message, 'warning');
  };

  const decide = async (item: ReviewItem, decision: Decision, reason: string, detail: ReviewDetail) => {
    const missing = reasonMissing(decision, reason);
    detail.message.textContent = missing ?? '';
    if (missing) return;
    const buttons = Object.values(detail.buttons);
    const enabled = buttons.map((button) => button.disabled);
    for (const button of buttons) button.disabled = true;
    try {
      await api.decide(item.id, decision, item.revision, decision === 'approve' ? undefined : reason.trim());
      await load(true);
      say(`${decidedText(decision, [item])}${decision === 'approve' ? AFTER_APPROVAL : ''}`);
    } catch (error) {
      buttons.forEach((button, index) => {
        button.disabled = enabled[index]!;
      });
      await refused(error, detail.message, item.id);
    }
  };

  const approveSelected = async () => {
    const list = approvalList(items, selected);
    if (list.length === 0) return;
    const chosen = items.filter((item) => list.some(({ id }) => id === item.id));
    batch.disabled = true;
    try {
      await api.approveAll(list);
      await load(true);
      say(`${decidedText('approve', chosen)}${AFTER_APPROVAL}`);
    } catch (error) {
      refreshBatch();
      // All or nothing: nothing was approved, and the list shows where each award stands now.
      await refused(error, undefined);
      if (error instanceof DeskApiError && error.status === 422) await load(true);
    }
  };

  /** Counts the list's readings: an answer to an earlier one (another status, say) is dropped. */
  let reading = 0;
  const load = async (reset: boolean, reopen?: string) => {
    const current = ++reading;
    if (reset) {
      release();
      body.replaceChildren();
      items = [];
      cursor = undefined;
    }
    more.hidden = true;
    summary.textContent = '正在加载…';
    try {
      const q = byId<HTMLInputElement>('review-q').value.trim();
      const page = await api.review({
        status: status.value,
        ...(q ? { q } : {}),
        ...(cursor ? { cursor } : {}),
      });
      if (current !== reading) return;
      items = [...items, ...page.items];
      cursor = page.cursor;
      for (const id of selected) if (!items.some((item) => item.id === id)) selected.delete(id);
      body.append(
        ...page.items.map((item) =>
          reviewRow(item, {
            selected: selected.has(item.id),
            onSelect: (chosen, on) => {
              if (on) selected.add(chosen.id);
              else selected.delete(chosen.id);
              refreshBatch();
            },
            onOpen: open,
          }),
        ),
      );
      more.hidden = cursor === undefined;
      byId('review-empty').hidden = items.length > 0;
      summary.textContent = items.length > 0 ? `共 ${items.length} 项${cursor ? '，还有更多' : ''}` : '';
      refreshBatch();
      if (reopen) body.querySelector<HTMLButtonElement>(`button[data-review="${CSS.escape(reopen)}"]`)?.click();
    } catch (error) {
      if (current !== reading) return;
      summary.textContent = '';
      if (error instanceof DeskApiError && error.status === 403) byId('tab-review').hidden = true;
      failed(error);
    }
  };

  selectAll.onchange = () => {
    for (const item of items) if (selectAll.checked) selected.add(item.id);
    if (!selectAll.checked) selected.clear();
    for (const box of body.querySelectorAll<HTMLInputElement>('input[data-select]'))
      box.checked = !box.disabled && selected.has(box.dataset.select!);
    refreshBatch();
  };
  batch.onclick = () => void approveSelected();
  more.onclick = () => void load(false);
  const search = byId<HTMLFormElement>('review-search');
  search.onsubmit = (event) => {
    event.preventDefault();
    say(undefined);
    selected.clear();
    void load(true);
  };
  status.onchange = () => search.requestSubmit();

  return {
    show: () => {
      say(undefined);
      void load(true);
    },
  };
}

import { LEAGUES_AND_CITIES, RECORD_STATUSES } from '../../functions/core/records/constants.js';
import { AWARD_COLUMNS, awardRow, type DownloadFormat, documentList, linkOf } from './awardsView.js';
import { statusName } from './chineseText.js';
import { byId, h } from './dom.js';
import { showNotice } from './notice.js';
import type { StaffSession } from './session.js';
import type { AwardQuery, AwardSummary, DocumentLink, StaffApi } from './staffApi.js';

/** A filtered page can come back empty with more behind it: read on this many pages before showing "none". */
const EMPTY_PAGES_READ_ON = 5;

/** A link this close to expiry is fetched afresh on click rather than landing on S3's error. */
const LINK_MARGIN_MS = 10_000;

/**
 * The awards tab: search by status, name or 文号 (the department also picks a region, or 全区), a page of
 * awards at a time, and each award's documents on request.
 */
export function startAwardsPanel(session: StaffSession, api: StaffApi, failed: (error: unknown) => void): void {
  const regionField = byId('region-field');
  const region = byId<HTMLSelectElement>('region');
  regionField.hidden = session.access.scope !== 'department';
  if (session.access.scope === 'department' && region.options.length === 0) {
    // 全区 first, and chosen: the department's staff start from every region's awards.
    region.append(
      h('option', { value: '' }, '全区'),
      ...[...LEAGUES_AND_CITIES, '自治区'].map((name) =>
        h('option', { value: name }, name === '自治区' ? '自治区（厅本级）' : name),
      ),
    );
  }
  const status = byId<HTMLSelectElement>('status');
  if (status.options.length === 0) {
    status.append(
      h('option', { value: '' }, '全部状态'),
      ...RECORD_STATUSES.map((code) => h('option', { value: code }, statusName(code))),
    );
  }

  const body = byId('award-rows');
  const more = byId<HTMLButtonElement>('more');
  const summary = byId('result-summary');
  let query: AwardQuery = {};
  let cursor: string | undefined;
  let shown = 0;

  const showDocuments = async (award: AwardSummary, row: HTMLTableRowElement, button: HTMLButtonElement) => {
    const open = row.nextElementSibling?.classList.contains('documents-row') ? row.nextElementSibling : undefined;
    if (open) {
      open.remove();
      button.setAttribute('aria-expanded', 'false');
      return;
    }
    button.disabled = true;
    try {
      const answer = await api.documents(award.id);
      const download = async (document: DocumentLink, format: DownloadFormat, event: MouseEvent) => {
        const expiresAt = linkOf(document, format)?.expiresAt;
        if (expiresAt && Date.parse(expiresAt) - Date.now() > LINK_MARGIN_MS) return;
        event.preventDefault();
        const fresh = (await api.documents(award.id)).documents.find((candidate) => candidate.kind === document.kind);
        const url = fresh && linkOf(fresh, format)?.url;
        if (url) location.assign(url);
      };
      const cell = h(
        'td',
        { colspan: String(AWARD_COLUMNS.length) },
        documentList(answer, (document, format, event) => void download(document, format, event).catch(failed)),
      );
      row.after(h('tr', { class: 'documents-row', 'data-documents-of': award.id }, cell));
      button.setAttribute('aria-expanded', 'true');
    } catch (error) {
      failed(error);
    } finally {
      button.disabled = false;
    }
  };

  const load = async (reset: boolean) => {
    if (reset) {
      body.replaceChildren();
      cursor = undefined;
      shown = 0;
    }
    more.hidden = true;
    summary.textContent = '正在加载…';
    try {
      let pages = 0;
      do {
        const page = await api.listAwards({ ...query, ...(cursor ? { cursor } : {}) });
        body.append(
          ...page.items.map((award) =>
            awardRow(award, (shownAward, row, button) => void showDocuments(shownAward, row, button)),
          ),
        );
        shown += page.items.length;
        cursor = page.cursor;
        pages += 1;
        if (page.items.length > 0) break;
      } while (cursor && pages < EMPTY_PAGES_READ_ON);
      more.hidden = cursor === undefined;
      byId('empty').hidden = shown > 0 || cursor !== undefined;
      byId('empty-query').textContent = query.q ? `未找到与“${query.q}”相关的表彰记录。` : '没有符合条件的表彰记录。';
      summary.textContent = shown > 0 ? `已显示 ${shown} 条${cursor ? '，还有更多' : ''}` : '';
    } catch (error) {
      summary.textContent = '';
      failed(error);
    }
  };

  const search = byId<HTMLFormElement>('search');
  search.onsubmit = (event) => {
    event.preventDefault();
    showNotice(undefined);
    const q = byId<HTMLInputElement>('q').value.trim();
    query = {
      ...(session.access.scope === 'department' && region.value ? { region: region.value } : {}),
      ...(status.value ? { status: status.value } : {}),
      ...(q ? { q } : {}),
    };
    void load(true);
  };
  more.onclick = () => void load(false);
  search.requestSubmit();
}

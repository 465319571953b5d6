import { LEAGUES_AND_CITIES, RECORD_STATUSES } from '../../functions/core/records/constants.js';
import type { StaffPageConfig } from '../../functions/staffPage/StaffPageConfig.js';
import { awardRow, documentList } from './awardsView.js';
import { bulletinList } from './bulletinsView.js';
import { statusName } from './chineseText.js';
import { byId, h } from './dom.js';
import { afterSignOut, beginSignIn, completeSignIn } from './signIn.js';
import { sessionStore, type StaffSession } from './session.js';
import { type AwardQuery, type AwardSummary, createStaffApi, type DocumentLink, StaffApiError } from './staffApi.js';

/** A filtered page can come back empty with more behind it: read on this many pages before showing "none". */
const EMPTY_PAGES_READ_ON = 5;

const notice = byId('notice');
function showNotice(message: string | undefined, tone: 'error' | 'info' = 'error') {
  notice.hidden = message === undefined;
  notice.textContent = message ?? '';
  notice.className = `notice ${tone}`;
}

function showSignIn(config: StaffPageConfig) {
  byId('who').hidden = true;
  byId('workspace').hidden = true;
  byId('sign-in').hidden = false;
  const signIn = config.signIn;
  const development = byId<HTMLFormElement>('development-sign-in');
  const hosted = byId<HTMLButtonElement>('hosted-sign-in');
  development.hidden = signIn.kind !== 'development';
  hosted.hidden = signIn.kind !== 'oidc';
  if (signIn.kind === 'development') {
    const select = byId<HTMLSelectElement>('identity');
    select.replaceChildren(...signIn.identities.map((identity) => h('option', { value: identity.id }, identity.label)));
  }
  const start = async (identity?: string) => {
    try {
      const session = await beginSignIn(config, identity);
      if (session) startWorkspace(config, session);
    } catch (error) {
      showNotice((error as Error).message);
    }
  };
  development.onsubmit = (event) => {
    event.preventDefault();
    void start(byId<HTMLSelectElement>('identity').value);
  };
  hosted.onclick = () => void start();
}

function startWorkspace(config: StaffPageConfig, session: StaffSession) {
  sessionStore.save(sessionStorage, session);
  showNotice(undefined);
  byId('sign-in').hidden = true;
  byId('workspace').hidden = false;
  byId('who').hidden = false;
  byId('who-label').textContent = session.label;

  const signOut = (message?: string) => {
    sessionStore.clear(sessionStorage);
    if (message) {
      showNotice(message);
      showSignIn(config);
    } else location.assign(afterSignOut(config));
  };
  byId('sign-out').onclick = () => signOut();
  // A token that runs out while the page is open signs the page out rather than failing quietly.
  const expiry = setTimeout(() => signOut('登录已过期，请重新登录。'), Math.max(0, session.expiresAt - Date.now()));
  const api = createStaffApi({ token: () => session.token });
  const failed = (error: unknown) => {
    if (error instanceof StaffApiError && error.status === 401) {
      clearTimeout(expiry);
      signOut(error.message);
    } else showNotice(error instanceof Error ? error.message : String(error));
  };

  const regionField = byId('region-field');
  const region = byId<HTMLSelectElement>('region');
  regionField.hidden = session.access.scope !== 'department';
  if (session.access.scope === 'department' && region.options.length === 0) {
    region.append(...[...LEAGUES_AND_CITIES, '自治区'].map((name) => h('option', { value: name }, name === '自治区' ? '自治区（厅本级）' : name)));
  }
  const status = byId<HTMLSelectElement>('status');
  if (status.options.length === 0) {
    status.append(h('option', { value: '' }, '全部状态'), ...RECORD_STATUSES.map((code) => h('option', { value: code }, statusName(code))));
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
      const cell = h('td', { colspan: '6' });
      const refresh = async (document: DocumentLink, event: MouseEvent) => {
        // A link read a while ago may have expired: fetch fresh ones rather than land on an S3 error.
        if (document.expiresAt && Date.parse(document.expiresAt) - Date.now() > 10_000) return;
        event.preventDefault();
        const fresh = (await api.documents(award.id)).documents.find((candidate) => candidate.kind === document.kind);
        if (fresh?.url) location.assign(fresh.url);
      };
      cell.append(documentList(answer.status, answer.documents, (document, event) => void refresh(document, event).catch(failed)));
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
        body.append(...page.items.map((award) => awardRow(award, (a, row, button) => void showDocuments(a, row, button))));
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

  byId<HTMLFormElement>('search').onsubmit = (event) => {
    event.preventDefault();
    showNotice(undefined);
    const q = byId<HTMLInputElement>('q').value.trim();
    query = { ...(session.access.scope === 'department' ? { region: region.value } : {}), ...(status.value ? { status: status.value } : {}), ...(q ? { q } : {}) };
    void load(true);
  };
  more.onclick = () => void load(false);

  const tabs = { awards: byId('tab-awards'), bulletins: byId('tab-bulletins') };
  const panels = { awards: byId('awards-panel'), bulletins: byId('bulletins-panel') };
  const select = (name: keyof typeof tabs) => {
    for (const key of Object.keys(tabs) as (keyof typeof tabs)[]) {
      tabs[key].setAttribute('aria-selected', String(key === name));
      panels[key].hidden = key !== name;
    }
    if (name === 'bulletins') {
      const list = byId('bulletin-list');
      list.replaceChildren(h('p', { class: 'empty' }, '正在加载…'));
      api.bulletins().then(({ bulletins }) => list.replaceChildren(bulletinList(bulletins)), failed);
    }
  };
  tabs.awards.onclick = () => select('awards');
  tabs.bulletins.onclick = () => select('bulletins');
  select('awards');
  byId<HTMLFormElement>('search').requestSubmit();
}

async function main() {
  let config: StaffPageConfig;
  try {
    config = (await (await fetch('/staff/config.json')).json()) as StaffPageConfig;
  } catch {
    showNotice('无法加载页面配置，请刷新重试。');
    return;
  }
  try {
    const session = (await completeSignIn(config)) ?? sessionStore.load(sessionStorage);
    if (session) return startWorkspace(config, session);
  } catch (error) {
    showNotice((error as Error).message);
  }
  showSignIn(config);
}

void main();

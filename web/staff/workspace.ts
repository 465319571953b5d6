import { startAwardsPanel } from './awardsPanel.js';
import { bulletinList } from './bulletinsView.js';
import { createDeskApi } from './deskApi.js';
import { byId, h } from './dom.js';
import { showNotice } from './notice.js';
import { startReviewPanel } from './reviewPanel.js';
import { sessionStore, type StaffSession } from './session.js';
import { createStaffApi, StaffApiError } from './staffApi.js';

/**
 * The signed-in page: who is signed in, the awards and bulletins tabs, and the 审批 tab for
 * approvers. A refused token (401) or one that runs out while the page is open signs the page
 * out with the reason.
 */
export function startWorkspace(session: StaffSession, { signOut }: { signOut: (reason?: string) => void }): void {
  sessionStore.save(sessionStorage, session);
  showNotice(undefined);
  byId('sign-in').hidden = true;
  byId('workspace').hidden = false;
  byId('who').hidden = false;
  byId('who-label').textContent = session.label;

  const expiry = setTimeout(() => signOut('登录已过期，请重新登录。'), Math.max(0, session.expiresAt - Date.now()));
  const end = (reason?: string) => {
    clearTimeout(expiry);
    signOut(reason);
  };
  byId('sign-out').onclick = () => end();
  const api = createStaffApi({ token: () => session.token });
  const failed = (error: unknown) => {
    if (error instanceof StaffApiError && error.status === 401) end(error.message);
    else showNotice(error instanceof Error ? error.message : String(error));
  };

  const tabs = { awards: byId('tab-awards'), bulletins: byId('tab-bulletins'), review: byId('tab-review') };
  const panels = { awards: byId('awards-panel'), bulletins: byId('bulletins-panel'), review: byId('review-panel') };
  // Only approvers see the 审批 tab; the desk refuses every other token anyway.
  tabs.review.hidden = !session.approver;
  const review = startReviewPanel(createDeskApi({ token: () => session.token }), failed);
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
    if (name === 'review') review.show();
  };
  tabs.awards.onclick = () => select('awards');
  tabs.bulletins.onclick = () => select('bulletins');
  tabs.review.onclick = () => select('review');
  select('awards');
  startAwardsPanel(session, api, failed);
}

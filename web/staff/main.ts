import type { StaffPageConfig } from '../../functions/staffPage/StaffPageConfig.js';
import { showNotice } from './notice.js';
import { sessionStore, type StaffSession } from './session.js';
import { afterSignOut, completeSignIn } from './signIn.js';
import { showSignIn } from './signInPanel.js';
import { startWorkspace } from './workspace.js';

/**
 * The staff page: reads its sign-in settings, finishes a sign-in in progress or resumes the
 * tab's session, else asks to sign in.
 */
async function main() {
  let config: StaffPageConfig;
  try {
    config = (await (await fetch('/staff/config.json')).json()) as StaffPageConfig;
  } catch {
    showNotice('无法加载页面配置，请刷新重试。');
    return;
  }
  const signedIn = (session: StaffSession) =>
    startWorkspace(session, {
      signOut: (reason) => {
        sessionStore.clear(sessionStorage);
        if (reason === undefined) return location.assign(afterSignOut(config));
        showNotice(reason);
        showSignIn(config, signedIn);
      },
    });
  try {
    const session = (await completeSignIn(config)) ?? sessionStore.load(sessionStorage);
    if (session) return signedIn(session);
  } catch (error) {
    showNotice((error as Error).message);
  }
  showSignIn(config, signedIn);
}

void main();

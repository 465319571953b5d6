import type { StaffPageConfig } from '../../functions/staffPage/StaffPageConfig.js';
import { byId, h } from './dom.js';
import { showNotice } from './notice.js';
import type { StaffSession } from './session.js';
import { beginSignIn } from './signIn.js';

/** The sign-in panel: a development identity to pick on the local stack, the hosted UI's button in AWS. */
export function showSignIn(config: StaffPageConfig, onSignedIn: (session: StaffSession) => void): void {
  byId('who').hidden = true;
  byId('workspace').hidden = true;
  byId('sign-in').hidden = false;
  const signIn = config.signIn;
  const development = byId<HTMLFormElement>('development-sign-in');
  const hosted = byId<HTMLButtonElement>('hosted-sign-in');
  development.hidden = signIn.kind !== 'development';
  hosted.hidden = signIn.kind !== 'oidc';
  if (signIn.kind === 'development') {
    byId<HTMLSelectElement>('identity').replaceChildren(
      ...signIn.identities.map((identity) => h('option', { value: identity.id }, identity.label)),
    );
  }
  const start = async (identity?: string) => {
    try {
      const session = await beginSignIn(config, identity);
      if (session) onSignedIn(session);
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

import type { StaffPageConfig } from '../../functions/staffPage/StaffPageConfig.js';
import { authorizeUrl, challengeOf, exchangeCode, randomVerifier, signOutUrl } from './oidcSignIn.js';
import { sessionFromToken, type StaffSession, tokenGivesAccess } from './session.js';
import { errorMessage } from './staffApi.js';

const PENDING_KEY = 'staff-sign-in-pending';

/** The page's own address without query or fragment: where the hosted UI sends staff back to. */
const pageAddress = () => `${location.origin}/`;

function sessionOrError(token: string): StaffSession {
  const session = sessionFromToken(token);
  if (session) return session;
  throw new Error(tokenGivesAccess(token) ? '登录已过期，请重新登录。' : errorMessage(403, undefined));
}

/** Starts sign-in: to the hosted UI (remembering the PKCE verifier), or a development token for the chosen identity. */
export async function beginSignIn(config: StaffPageConfig, identity?: string): Promise<StaffSession | undefined> {
  const signIn = config.signIn;
  if (signIn.kind === 'oidc') {
    const verifier = randomVerifier();
    const state = randomVerifier();
    sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state }));
    location.assign(
      authorizeUrl(signIn, { redirectUri: pageAddress(), state, challenge: await challengeOf(verifier) }),
    );
    return undefined;
  }
  let response: Response;
  try {
    response = await fetch('/dev/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identity }),
    });
  } catch {
    throw new Error('无法连接本地服务，请确认 npm start 仍在运行。');
  }
  const body = (await response.json().catch(() => ({}))) as { token?: string; error?: string };
  if (!response.ok || !body.token) throw new Error(`登录失败：${body.error ?? `HTTP ${response.status}`}`);
  return sessionOrError(body.token);
}

/**
 * Finishes a hosted-UI sign-in when the page is opened with ?code=…&state=…; undefined when the
 * address carries no answer from the hosted UI. The address is cleaned either way.
 */
export async function completeSignIn(config: StaffPageConfig): Promise<StaffSession | undefined> {
  const query = new URLSearchParams(location.search);
  if (config.signIn.kind !== 'oidc' || (!query.has('code') && !query.has('error'))) return undefined;
  history.replaceState(null, '', '/');
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as {
    verifier: string;
    state: string;
  } | null;
  sessionStorage.removeItem(PENDING_KEY);
  if (query.has('error'))
    throw new Error(`登录未完成（${query.get('error_description') ?? query.get('error')}），请重新登录。`);
  if (!pending || pending.state !== query.get('state')) throw new Error('登录请求已失效，请重新登录。');
  const token = await exchangeCode(config.signIn, {
    code: query.get('code')!,
    verifier: pending.verifier,
    redirectUri: pageAddress(),
  });
  return sessionOrError(token);
}

/** Where to go after signing out: the hosted UI's sign-out when there is one, else the page itself. */
export function afterSignOut(config: StaffPageConfig): string {
  return (config.signIn.kind === 'oidc' && signOutUrl(config.signIn, pageAddress())) || '/';
}

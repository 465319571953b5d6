import type { StaffSignIn } from '../../functions/staffPage/StaffPageConfig.js';

/**
 * Sign-in through the user pool's hosted UI: the authorization code flow with PKCE (RFC 7636),
 * as a public client with no secret. The ID token is the bearer token: it carries the staff
 * member's region and groups, and its audience is the client the API's authorizer accepts.
 */
export type OidcSignIn = Extract<StaffSignIn, { kind: 'oidc' }>;

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** 43 characters from 32 random bytes: the RFC's recommended verifier. */
export function randomVerifier(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

export async function challengeOf(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

export function authorizeUrl(
  config: OidcSignIn,
  { redirectUri, state, challenge }: { redirectUri: string; state: string; challenge: string },
): string {
  const url = new URL(config.authorizeUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri,
    scope: config.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

/** Trades the code the hosted UI returned for tokens; the ID token, or an error in Chinese. */
export async function exchangeCode(
  config: OidcSignIn,
  { code, verifier, redirectUri }: { code: string; verifier: string; redirectUri: string },
  fetch: typeof globalThis.fetch = globalThis.fetch.bind(globalThis),
): Promise<string> {
  let response: Response;
  try {
    response = await fetch(config.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: config.clientId,
        code,
        redirect_uri: redirectUri,
        code_verifier: verifier,
      }).toString(),
    });
  } catch {
    throw new Error('无法连接登录服务，请检查网络后重试。');
  }
  const body = (await response.json().catch(() => ({}))) as { id_token?: unknown; error?: unknown };
  if (!response.ok || typeof body.id_token !== 'string')
    throw new Error(
      `登录未完成（${typeof body.error === 'string' ? body.error : `HTTP ${response.status}`}），请重新登录。`,
    );
  return body.id_token;
}

/** The hosted UI's sign-out, returning to the page; undefined when the issuer has none configured. */
export function signOutUrl(config: OidcSignIn, returnTo: string): string | undefined {
  if (!config.logoutUrl) return undefined;
  const url = new URL(config.logoutUrl);
  url.search = new URLSearchParams({ client_id: config.clientId, logout_uri: returnTo }).toString();
  return url.toString();
}

import { describe, expect, it } from 'vitest';
import {
  authorizeUrl,
  challengeOf,
  exchangeCode,
  randomVerifier,
  signOutUrl,
  type OidcSignIn,
} from '../../../web/staff/oidcSignIn.js';

const config: OidcSignIn = {
  kind: 'oidc',
  authorizeUrl: 'https://awards.auth.cn-north-1.amazoncognito.com/oauth2/authorize',
  tokenUrl: 'https://awards.auth.cn-north-1.amazoncognito.com/oauth2/token',
  logoutUrl: 'https://awards.auth.cn-north-1.amazoncognito.com/logout',
  clientId: 'client-1',
  scope: 'openid email profile',
};

function answering(status: number, body: unknown) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    requests.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, requests };
}

describe('sign-in with the authorization code flow and PKCE', () => {
  it('derives the S256 challenge of RFC 7636’s own example', async () => {
    expect(await challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes verifiers of 43 unreserved characters, a new one each time', () => {
    const [a, b] = [randomVerifier(), randomVerifier()];
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it('sends staff to the hosted UI with the client, the page to return to, the state and the challenge', () => {
    const url = new URL(
      authorizeUrl(config, { redirectUri: 'https://api.example.org/', state: 's1', challenge: 'c1' }),
    );
    expect(url.origin + url.pathname).toBe(config.authorizeUrl);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client-1',
      redirect_uri: 'https://api.example.org/',
      scope: 'openid email profile',
      state: 's1',
      code_challenge: 'c1',
      code_challenge_method: 'S256',
    });
  });

  it('trades the code and verifier for the ID token', async () => {
    const { fetch, requests } = answering(200, { id_token: 'id.token.here', access_token: 'a', token_type: 'Bearer' });
    expect(
      await exchangeCode(config, { code: 'code-1', verifier: 'v1', redirectUri: 'https://api.example.org/' }, fetch),
    ).toBe('id.token.here');
    expect(requests[0]!.url).toBe(config.tokenUrl);
    expect(Object.fromEntries(new URLSearchParams(String(requests[0]!.init.body)))).toEqual({
      grant_type: 'authorization_code',
      client_id: 'client-1',
      code: 'code-1',
      redirect_uri: 'https://api.example.org/',
      code_verifier: 'v1',
    });
  });

  it('says in Chinese why a refused code did not sign anyone in', async () => {
    const { fetch } = answering(400, { error: 'invalid_grant' });
    await expect(
      exchangeCode(config, { code: 'old', verifier: 'v', redirectUri: 'https://api.example.org/' }, fetch),
    ).rejects.toThrow('登录未完成（invalid_grant），请重新登录。');
    const unreachable = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof globalThis.fetch;
    await expect(
      exchangeCode(config, { code: 'c', verifier: 'v', redirectUri: 'https://api.example.org/' }, unreachable),
    ).rejects.toThrow('无法连接登录服务');
  });

  it('signs out through the hosted UI back to the page, when the issuer has a sign-out address', () => {
    expect(signOutUrl(config, 'https://api.example.org/')).toBe(
      `${config.logoutUrl}?client_id=client-1&logout_uri=${encodeURIComponent('https://api.example.org/')}`,
    );
    expect(signOutUrl({ ...config, logoutUrl: undefined }, 'https://api.example.org/')).toBeUndefined();
  });
});

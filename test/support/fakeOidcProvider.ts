import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the Cognito hosted UI in browser tests: /authorize signs the visitor in at once
 * and returns to the page with a code; /token hands out the ID token only for that code, the
 * page's own address and a verifier matching the PKCE challenge; /logout returns to the page.
 */
export interface FakeOidcProvider {
  readonly url: string;
  /** Codes redeemed, with the checks each passed. */
  readonly redeemed: { clientId: string; pkce: boolean }[];
  stop(): Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += String(chunk);
  return body;
}

export async function startFakeOidcProvider({
  clientId,
  idToken,
}: {
  clientId: string;
  idToken: () => string;
}): Promise<FakeOidcProvider> {
  const pending = new Map<string, { challenge: string; redirectUri: string }>();
  const redeemed: FakeOidcProvider['redeemed'] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/authorize') {
      const query = Object.fromEntries(url.searchParams);
      if (
        query.client_id !== clientId ||
        query.response_type !== 'code' ||
        query.code_challenge_method !== 'S256' ||
        !query.code_challenge ||
        !query.state
      ) {
        response.writeHead(400).end('bad authorization request');
        return;
      }
      const code = randomBytes(8).toString('hex');
      pending.set(code, { challenge: query.code_challenge, redirectUri: query.redirect_uri! });
      response
        .writeHead(302, { location: `${query.redirect_uri}?code=${code}&state=${encodeURIComponent(query.state)}` })
        .end();
      return;
    }
    if (url.pathname === '/logout') {
      response.writeHead(302, { location: url.searchParams.get('logout_uri') ?? '/' }).end();
      return;
    }
    if (url.pathname === '/token' && request.method === 'POST') {
      void bodyOf(request).then((body) => {
        const form = Object.fromEntries(new URLSearchParams(body));
        const grant = pending.get(form.code ?? '');
        pending.delete(form.code ?? '');
        const pkce =
          grant !== undefined &&
          createHash('sha256')
            .update(form.code_verifier ?? '')
            .digest('base64url') === grant.challenge;
        const headers = {
          'content-type': 'application/json',
          'access-control-allow-origin': String(request.headers.origin ?? '*'),
        };
        if (
          !grant ||
          !pkce ||
          form.redirect_uri !== grant.redirectUri ||
          form.client_id !== clientId ||
          form.grant_type !== 'authorization_code'
        ) {
          response.writeHead(400, headers).end(JSON.stringify({ error: 'invalid_grant' }));
          return;
        }
        redeemed.push({ clientId: form.client_id, pkce });
        response
          .writeHead(200, headers)
          .end(JSON.stringify({ id_token: idToken(), access_token: 'unused', token_type: 'Bearer', expires_in: 3600 }));
      });
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    redeemed,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

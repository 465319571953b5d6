import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { LinksHandler } from '../functions/links/createLinksHandler.js';
import { DevTokenError, signDevToken, verifyDevToken } from './devTokens.js';
import { assertPortFree } from './ports.js';

export interface StaffApiServer {
  readonly url: string;
  /** A development token for a member of staff (a 盟市's, or the department's). */
  token(claims: Record<string, unknown>, lifetimeSeconds?: number): string;
  stop(): Promise<void>;
}

const json = (status: number, body: unknown) => ({ status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) });

/**
 * The staff API on 127.0.0.1, as API Gateway runs it in AWS: requests under /api/ need a bearer
 * token, verified here (signature, expiry) before the links handler sees its claims.
 */
export async function startStaffApiServer({ port, handler }: { port: number; handler: LinksHandler }): Promise<StaffApiServer> {
  await assertPortFree(port, '--api-port');
  const secret = randomBytes(32).toString('hex');
  const respond = async (method: string, url: URL, authorization: string | undefined) => {
    if (!url.pathname.startsWith('/api/')) return json(404, { error: 'not found' });
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    let claims: Record<string, unknown> | undefined;
    if (token !== undefined) {
      try {
        claims = verifyDevToken(token, secret);
      } catch (error) {
        if (error instanceof DevTokenError) return json(401, { error: `sign in again: ${error.message}` });
        throw error;
      }
    }
    const result = await handler({
      rawPath: url.pathname.slice('/api'.length),
      queryStringParameters: Object.fromEntries(url.searchParams),
      requestContext: { http: { method }, ...(claims ? { authorizer: { jwt: { claims } } } : {}) },
    });
    return { status: result.statusCode ?? 200, headers: (result.headers ?? {}) as Record<string, string>, body: String(result.body ?? '') };
  };
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    respond(request.method ?? 'GET', url, request.headers.authorization)
      .then(({ status, headers, body }) => {
        response.writeHead(status, headers);
        response.end(body);
      })
      .catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        response.end(JSON.stringify({ error: (error as Error).message }));
      });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    token: (claims, lifetimeSeconds) => signDevToken(claims, secret, lifetimeSeconds === undefined ? {} : { lifetimeSeconds }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

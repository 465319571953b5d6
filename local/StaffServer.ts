import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { isDeskPath, MAX_BODY_BYTES } from '../functions/core/desk/deskRequest.js';
import type { DeskHandler } from '../functions/desk/createDeskHandler.js';
import type { LinksHandler } from '../functions/links/createLinksHandler.js';
import { askedRequest } from '../functions/links/askedRequest.js';
import type { StaffPageConfig, StaffSignIn } from '../functions/staffPage/StaffPageConfig.js';
import { staffPageResponse } from '../functions/staffPage/staffPageResponse.js';
import type { VerifyHandler } from '../functions/verify/createVerifyHandler.js';
import { buildStaffPage } from '../web/staff/build.js';
import { DEVELOPMENT_IDENTITIES } from './developmentIdentities.js';
import type { AuditTrail } from '../functions/core/links/AuditTrail.js';
import { DevTokenError, signDevToken, verifyDevToken } from './devTokens.js';
import { assertPortFree } from './ports.js';

export interface StaffServer {
  /** The staff page's address; the API answers under the same origin. */
  readonly url: string;
  /** A development token for a member of staff (a 盟市's, or the department's). */
  token(claims: Record<string, unknown>, lifetimeSeconds?: number): string;
  stop(): Promise<void>;
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string | Buffer;
}

const json = (status: number, body: unknown): Answer => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify(body),
});

const DEVELOPMENT_SIGN_IN: StaffSignIn = {
  kind: 'development',
  identities: DEVELOPMENT_IDENTITIES.map(({ id, label }) => ({ id, label })),
};
const API_PATH = /^\/(awards|bulletins|review)(\/|$)/;
/** The public verification page, as the API's route GET /verify/{code} takes it: one path segment. */
const VERIFY_PATH = /^\/verify\/([^/]*)$/;

/** A path segment as API Gateway hands it to the function: percent-decoded (left as it is when it cannot be). */
function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > limit) throw new RangeError(`body: larger than ${Math.floor(limit / 1024)} KB`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A Lambda proxy result as the HTTP API sends it: a base64 body decoded to its bytes. */
function answerOf(result: APIGatewayProxyStructuredResultV2): Answer {
  const body = String(result.body ?? '');
  return {
    status: result.statusCode ?? 200,
    headers: (result.headers ?? {}) as Record<string, string>,
    body: result.isBase64Encoded ? Buffer.from(body, 'base64') : body,
  };
}

/**
 * The staff page and the links API on 127.0.0.1, laid out as the HTTP API lays them out in AWS:
 * the page at / and /staff/…, the API's routes beside it, the public verification page at
 * /verify/<code> and its form at /verify (no token), each API request's bearer token
 * verified (signature, expiry) before the links handler sees its claims, as the JWT authorizer
 * does. In place of the hosted UI, POST /dev/sign-in hands out a development token for one of
 * the development identities (unless an OIDC sign-in is given, as the browser test of the hosted
 * UI's round trip does).
 */
export async function startStaffServer({
  port,
  handler,
  audit,
  signIn = DEVELOPMENT_SIGN_IN,
  verify,
  desk,
}: {
  port: number;
  handler: LinksHandler;
  /**
   * The public verification page (GET /verify/{code}) and its form (GET /verify), no token, when
   * the stack marks its documents.
   */
  verify?: VerifyHandler;
  /** The approvers' desk (GET /review, drafts, decisions), when the stack serves it. */
  desk?: DeskHandler;
  /** Where a token refused here (as API Gateway's authorizer would refuse it) is recorded. */
  audit: AuditTrail;
  signIn?: StaffSignIn;
}): Promise<StaffServer> {
  await assertPortFree(port, '--api-port');
  const pageConfig: StaffPageConfig = { signIn };
  // The user pool's stand-in: its own issuer address and the staff page's client, checked on every request.
  const issuer = {
    secret: randomBytes(32).toString('hex'),
    issuer: `http://127.0.0.1:${port}`,
    audience: 'staff-page',
  };
  const page = buildStaffPage();
  const token = (claims: Record<string, unknown>, lifetimeSeconds?: number) =>
    signDevToken(claims, issuer, lifetimeSeconds === undefined ? {} : { lifetimeSeconds });

  const api = async (
    method: string,
    url: URL,
    authorization: string | undefined,
    body: string | undefined,
  ): Promise<Answer> => {
    const request = {
      rawPath: url.pathname,
      queryStringParameters: Object.fromEntries(url.searchParams),
      requestContext: { http: { method } },
    };
    const bearer = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    let claims: Record<string, unknown> | undefined;
    if (bearer !== undefined) {
      try {
        claims = verifyDevToken(bearer, issuer);
      } catch (error) {
        if (!(error instanceof DevTokenError)) throw error;
        const reason = `sign in again: ${error.message}`;
        await audit.record({
          at: new Date().toISOString(),
          action: 'request-refused',
          request: askedRequest(request),
          status: 401,
          reason,
        });
        return json(401, { error: reason });
      }
    }
    const event = {
      ...request,
      requestContext: { ...request.requestContext, ...(claims ? { authorizer: { jwt: { claims } } } : {}) },
    };
    // The approvers' routes go to the desk's function, the rest to the links API's, as the HTTP API routes them.
    if (desk !== undefined && isDeskPath(method, url.pathname))
      return answerOf(await desk({ ...event, ...(body === undefined ? {} : { body }) }));
    return answerOf(await handler(event));
  };

  const developmentSignIn = async (request: IncomingMessage): Promise<Answer> => {
    let identity: unknown;
    try {
      identity = (JSON.parse(await readBody(request, 1024)) as { identity?: unknown }).identity;
    } catch {
      return json(400, { error: 'expected {"identity": "…"}' });
    }
    const known = DEVELOPMENT_IDENTITIES.find((candidate) => candidate.id === identity);
    if (!known) return json(400, { error: `unknown development identity: ${String(identity)}` });
    return json(200, { token: token(known.claims) });
  };

  const respond = async (request: IncomingMessage): Promise<Answer> => {
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const method = request.method ?? 'GET';
    if (url.pathname === '/dev/sign-in' && method === 'POST' && signIn.kind === 'development')
      return developmentSignIn(request);
    if (API_PATH.test(url.pathname)) {
      let body: string | undefined;
      if (method === 'POST') {
        try {
          body = await readBody(request, MAX_BODY_BYTES);
        } catch (error) {
          if (!(error instanceof RangeError)) throw error;
          return json(400, { error: error.message });
        }
      }
      return api(method, url, request.headers.authorization, body);
    }
    const verifyPath = VERIFY_PATH.exec(url.pathname);
    if (verify !== undefined && verifyPath && method === 'GET') {
      const result = await verify({
        pathParameters: { code: decodedSegment(verifyPath[1]!) },
        headers: { accept: request.headers.accept },
      });
      return answerOf(result);
    }
    // The form for a typed code, and where it submits (GET /verify?code=…).
    if (verify !== undefined && url.pathname === '/verify' && method === 'GET') {
      const code = url.searchParams.get('code');
      const result = await verify({
        queryStringParameters: code === null ? undefined : { code },
        headers: { accept: request.headers.accept },
      });
      return answerOf(result);
    }
    if (method !== 'GET') return json(405, { error: `${method} is not supported here` });
    return staffPageResponse(url.pathname, page, pageConfig);
  };

  const server: Server = createServer((request, response) => {
    respond(request)
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
    token,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

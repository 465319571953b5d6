import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Development tokens for the local stack's staff API: HS256 JWTs signed with a secret the local
 * stack makes at start, checked the way API Gateway's JWT authorizer checks Cognito's (signature,
 * expiry), so the links handler receives verified claims in both places.
 */
export class DevTokenError extends Error {
  override name = 'DevTokenError';
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const signature = (data: string, secret: string) => createHmac('sha256', secret).update(data).digest('base64url');

export function signDevToken(
  claims: Record<string, unknown>,
  secret: string,
  { now = new Date(), lifetimeSeconds = 8 * 3600 } = {},
): string {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const header = encode({ alg: 'HS256', typ: 'JWT' });
  const payload = encode({ ...claims, iat: issuedAt, exp: issuedAt + lifetimeSeconds });
  const data = `${header}.${payload}`;
  return `${data}.${signature(data, secret)}`;
}

/** The token's claims, or a DevTokenError saying why it is refused. */
export function verifyDevToken(token: string, secret: string, now: Date = new Date()): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length !== 3) throw new DevTokenError('malformed token');
  const [header, payload, signed] = parts as [string, string, string];
  const expected = Buffer.from(signature(`${header}.${payload}`, secret));
  const given = Buffer.from(signed);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new DevTokenError('bad signature');
  let claims: Record<string, unknown>;
  try {
    if ((JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg?: string }).alg !== 'HS256')
      throw new DevTokenError('unexpected algorithm');
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof DevTokenError) throw error;
    throw new DevTokenError('malformed token');
  }
  if (typeof claims.exp !== 'number' || claims.exp <= now.getTime() / 1000) throw new DevTokenError('expired token');
  return claims;
}

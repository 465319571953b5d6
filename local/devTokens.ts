import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Development tokens for the local stack's staff API: HS256 JWTs signed with a secret the local
 * stack makes at start, checked as API Gateway's JWT authorizer checks Cognito's — signature,
 * issuer, audience (or client_id), expiry, not-before and issued-at — so that the links handler
 * receives verified claims in both places, and an issuer or audience mistake shows locally too.
 */
export class DevTokenError extends Error {
  override name = 'DevTokenError';
}

/** Who signs the local tokens and for whom: the local stack's stand-in for the user pool and its app client. */
export interface DevTokenIssuer {
  readonly secret: string;
  /** The `iss` every token must carry (the local staff server's address). */
  readonly issuer: string;
  /** The `aud` (or `client_id`) every token must carry: the staff page's client. */
  readonly audience: string;
}

/** How far ahead of this clock a token's `iat` and `nbf` may be, for clocks that differ a little. */
const CLOCK_SKEW_SECONDS = 60;

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const signature = (data: string, secret: string) => createHmac('sha256', secret).update(data).digest('base64url');

export function signDevToken(
  claims: Record<string, unknown>,
  { secret, issuer, audience }: DevTokenIssuer,
  { now = new Date(), lifetimeSeconds = 8 * 3600 } = {},
): string {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const header = encode({ alg: 'HS256', typ: 'JWT' });
  const payload = encode({
    iss: issuer,
    aud: audience,
    ...claims,
    iat: issuedAt,
    nbf: issuedAt,
    exp: issuedAt + lifetimeSeconds,
  });
  const data = `${header}.${payload}`;
  return `${data}.${signature(data, secret)}`;
}

/** The token's claims, or a DevTokenError saying why it is refused. */
export function verifyDevToken(token: string, issuer: DevTokenIssuer, now: Date = new Date()): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length !== 3) throw new DevTokenError('malformed token');
  const [header, payload, signed] = parts as [string, string, string];
  let claims: Record<string, unknown>;
  try {
    if ((JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg?: string }).alg !== 'HS256')
      throw new DevTokenError('unexpected algorithm');
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof DevTokenError) throw error;
    throw new DevTokenError('malformed token');
  }
  const expected = Buffer.from(signature(`${header}.${payload}`, issuer.secret));
  const given = Buffer.from(signed);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new DevTokenError('bad signature');
  const seconds = now.getTime() / 1000;
  if (claims.iss !== issuer.issuer) throw new DevTokenError('unexpected issuer');
  const audiences = [claims.aud].flat();
  if (!audiences.includes(issuer.audience) && claims.client_id !== issuer.audience) {
    throw new DevTokenError('unexpected audience');
  }
  if (typeof claims.exp !== 'number' || claims.exp <= seconds) throw new DevTokenError('expired token');
  if (typeof claims.nbf === 'number' && claims.nbf > seconds + CLOCK_SKEW_SECONDS)
    throw new DevTokenError('token not yet valid');
  if (typeof claims.iat !== 'number' || claims.iat > seconds + CLOCK_SKEW_SECONDS)
    throw new DevTokenError('token issued in the future');
  return claims;
}

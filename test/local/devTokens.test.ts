import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DevTokenError, signDevToken, verifyDevToken } from '../../local/devTokens.js';
import { thrown } from '../support/thrown.js';

const issuer = { secret: 'local-secret', issuer: 'http://127.0.0.1:8080', audience: 'staff-page' };
const now = new Date('2020-03-02T08:00:00Z');
const claims = { sub: 'clerk-1', 'custom:region': '兴安盟' };
const refusal = (token: string, at = now, by = issuer) =>
  thrown(DevTokenError, () => verifyDevToken(token, by, at)).message;

/** A token signed with the right secret but with the given claims, as a careless or hostile minter would make. */
function minted(payload: Record<string, unknown>, header: Record<string, unknown> = { alg: 'HS256' }): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const data = `${encode(header)}.${encode(payload)}`;
  return `${data}.${createHmac('sha256', issuer.secret).update(data).digest('base64url')}`;
}

describe('development tokens', () => {
  it('verify what they signed, until they expire', () => {
    const token = signDevToken(claims, issuer, { now, lifetimeSeconds: 600 });
    expect(verifyDevToken(token, issuer, now)).toMatchObject({ ...claims, iss: issuer.issuer, aud: 'staff-page' });
    expect(refusal(token, new Date(now.getTime() + 601_000))).toBe('expired token');
  });

  it('refuse a token signed with another secret, altered, or malformed', () => {
    const token = signDevToken(claims, issuer, { now });
    expect(refusal(token, now, { ...issuer, secret: 'other-secret' })).toBe('bad signature');
    const [header, , signed] = token.split('.');
    const forgedClaims = { ...claims, 'cognito:groups': ['department'], exp: 2e9 };
    const forged = `${header}.${Buffer.from(JSON.stringify(forgedClaims)).toString('base64url')}.${signed}`;
    expect(refusal(forged)).toBe('bad signature');
    expect(refusal('not-a-token')).toBe('malformed token');
    expect(
      refusal(minted({ ...claims, iss: issuer.issuer, aud: 'staff-page', exp: 2e9, iat: 1e9 }, { alg: 'none' })),
    ).toBe('unexpected algorithm');
  });

  it('check the issuer, the audience (or client_id), not-before and issued-at, as API Gateway does', () => {
    const valid = {
      ...claims,
      iss: issuer.issuer,
      aud: 'staff-page',
      iat: now.getTime() / 1000,
      exp: now.getTime() / 1000 + 600,
    };
    expect(refusal(minted({ ...valid, iss: 'http://127.0.0.1:9999' }))).toBe('unexpected issuer');
    expect(refusal(minted({ ...valid, aud: 'another-client' }))).toBe('unexpected audience');
    const { aud: _aud, ...accessToken } = valid;
    expect(verifyDevToken(minted({ ...accessToken, client_id: 'staff-page' }), issuer, now)).toMatchObject(claims);
    expect(verifyDevToken(minted({ ...valid, aud: ['other', 'staff-page'] }), issuer, now)).toMatchObject(claims);
    expect(refusal(minted({ ...valid, nbf: valid.iat + 3600 }))).toBe('token not yet valid');
    expect(refusal(minted({ ...valid, iat: valid.iat + 3600 }))).toBe('token issued in the future');
    // A minute of clock skew is allowed.
    expect(verifyDevToken(minted({ ...valid, nbf: valid.iat + 30, iat: valid.iat + 30 }), issuer, now)).toMatchObject(
      claims,
    );
  });
});

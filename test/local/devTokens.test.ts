import { describe, expect, it } from 'vitest';
import { DevTokenError, signDevToken, verifyDevToken } from '../../local/devTokens.js';
import { thrown } from '../support/thrown.js';

const secret = 'local-secret';
const now = new Date('2020-03-02T08:00:00Z');
const claims = { sub: 'clerk-1', 'custom:region': '兴安盟' };

describe('development tokens', () => {
  it('verify what they signed, until they expire', () => {
    const token = signDevToken(claims, secret, { now, lifetimeSeconds: 600 });
    expect(verifyDevToken(token, secret, now)).toMatchObject(claims);
    expect(thrown(DevTokenError, () => verifyDevToken(token, secret, new Date(now.getTime() + 601_000))).message).toBe(
      'expired token',
    );
  });

  it('refuse a token signed with another secret, altered, or malformed', () => {
    const token = signDevToken(claims, secret, { now });
    expect(thrown(DevTokenError, () => verifyDevToken(token, 'other-secret', now)).message).toBe('bad signature');
    const [header, , signed] = token.split('.');
    const forgedClaims = { ...claims, 'cognito:groups': ['department'], exp: 2e9 };
    const forged = `${header}.${Buffer.from(JSON.stringify(forgedClaims)).toString('base64url')}.${signed}`;
    expect(thrown(DevTokenError, () => verifyDevToken(forged, secret, now)).message).toBe('bad signature');
    expect(thrown(DevTokenError, () => verifyDevToken('not-a-token', secret, now)).message).toBe('malformed token');
  });
});

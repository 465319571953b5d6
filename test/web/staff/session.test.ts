import { describe, expect, it } from 'vitest';
import { sessionFromToken, sessionStore, tokenGivesAccess } from '../../../web/staff/session.js';

const NOW = Date.parse('2020-02-14T02:00:00Z');
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = (claims: Record<string, unknown>) =>
  `${encode({ alg: 'RS256' })}.${encode({ exp: NOW / 1000 + 3600, ...claims })}.signature`;

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('the staff session read from a token', () => {
  it('reads a 盟市’s staff member, with their name when the token has one', () => {
    const session = sessionFromToken(token({ sub: 'u1', 'custom:region': '鄂尔多斯市', name: '王芳' }), NOW)!;
    expect(session.access).toEqual({ scope: 'region', region: '鄂尔多斯市', subject: 'u1' });
    expect(session.label).toBe('鄂尔多斯市 · 王芳');
    expect(session.expiresAt).toBe(NOW + 3_600_000);
    expect(sessionFromToken(token({ sub: 'u1', 'custom:region': '鄂尔多斯市' }), NOW)!.label).toBe(
      '鄂尔多斯市工作人员',
    );
    // A name that says its 盟市 already is not prefixed with it again.
    expect(
      sessionFromToken(token({ sub: 'u1', 'custom:region': '鄂尔多斯市', name: '鄂尔多斯市审批人' }), NOW)!.label,
    ).toBe('鄂尔多斯市审批人');
  });

  it('reads the department’s staff from Cognito’s group claim', () => {
    expect(sessionFromToken(token({ sub: 'u2', 'cognito:groups': ['department'] }), NOW)!.label).toBe(
      '公安厅（全区）工作人员',
    );
  });

  it('knows an approver (of the department or of a 盟市) from the group claim, for the 审批 tab', () => {
    const session = (claims: Record<string, unknown>) => sessionFromToken(token({ sub: 'u', ...claims }), NOW)!;
    expect(session({ 'cognito:groups': ['approvers', 'department'] }).approver).toBe(true);
    expect(session({ 'cognito:groups': ['approvers'], 'custom:region': '兴安盟' }).approver).toBe(true);
    expect(session({ 'cognito:groups': ['department'] }).approver).toBe(false);
    expect(session({ 'custom:region': '兴安盟' }).approver).toBe(false);
  });

  it('has no session for an expired, malformed or powerless token, and tells the last apart', () => {
    expect(sessionFromToken(token({ sub: 'u1', 'custom:region': '兴安盟', exp: NOW / 1000 - 1 }), NOW)).toBeUndefined();
    expect(sessionFromToken('not-a-token', NOW)).toBeUndefined();
    expect(sessionFromToken(`${encode({})}.%%%.x`, NOW)).toBeUndefined();
    const powerless = token({ sub: 'u3', 'custom:region': '北京市' });
    expect(sessionFromToken(powerless, NOW)).toBeUndefined();
    expect(tokenGivesAccess(powerless)).toBe(false);
    expect(tokenGivesAccess(token({ sub: 'u1', 'custom:region': '兴安盟', exp: 1 }))).toBe(true);
  });

  it('is kept in the tab’s storage until signing out, and not restored once expired', () => {
    const storage = memoryStorage();
    const session = sessionFromToken(token({ sub: 'u1', 'custom:region': '兴安盟' }), NOW)!;
    sessionStore.save(storage, session);
    expect(sessionStore.load(storage, NOW)?.token).toBe(session.token);
    expect(sessionStore.load(storage, NOW + 3_600_000)).toBeUndefined();
    sessionStore.clear(storage);
    expect(sessionStore.load(storage, NOW)).toBeUndefined();
  });
});

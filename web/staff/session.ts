import { approverAccessFromClaims } from '../../functions/core/desk/approverAccess.js';
import { staffAccessFromClaims, type StaffAccess } from '../../functions/core/links/staffAccess.js';

/** A signed-in member of staff: the bearer token the API checks, and what the page shows of it. */
export interface StaffSession {
  readonly token: string;
  readonly access: StaffAccess;
  readonly expiresAt: number;
  readonly label: string;
  /** Whether the token is an approver's: the page then offers the 审批 tab (the API decides). */
  readonly approver: boolean;
}

const STORAGE_KEY = 'staff-session-token';

function claimsOf(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = new TextDecoder().decode(
      Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
    );
    const claims = JSON.parse(json) as unknown;
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What a token says about its holder, read with the API's own rule; the page trusts it only for
 * display (the API verifies the signature). Undefined for a token that is malformed, expired or
 * gives access to nothing.
 */
export function sessionFromToken(token: string, now: number = Date.now()): StaffSession | undefined {
  const claims = claimsOf(token);
  if (!claims || typeof claims.exp !== 'number' || claims.exp * 1000 <= now) return undefined;
  const access = staffAccessFromClaims(claims);
  if (!access) return undefined;
  const name = [claims.name, claims.email].find((value): value is string => typeof value === 'string' && value !== '');
  const role = access.scope === 'department' ? '公安厅（全区）' : `${access.region}`;
  return {
    token,
    access,
    expiresAt: claims.exp * 1000,
    // A name that already says its 盟市 (鄂尔多斯市审批人) is not prefixed with it again.
    label: name ? (name.startsWith(role) ? name : `${role} · ${name}`) : `${role}工作人员`,
    approver: approverAccessFromClaims(claims) !== undefined,
  };
}

/** Whether a token's claims name a member of staff at all (for a clearer refusal than "expired"). */
export function tokenGivesAccess(token: string): boolean {
  const claims = claimsOf(token);
  return claims !== undefined && staffAccessFromClaims(claims) !== undefined;
}

/** The session lives in the tab: closing it signs out. */
export const sessionStore = {
  load(storage: Storage, now?: number): StaffSession | undefined {
    const token = storage.getItem(STORAGE_KEY);
    return token === null ? undefined : sessionFromToken(token, now);
  },
  save(storage: Storage, session: StaffSession): void {
    storage.setItem(STORAGE_KEY, session.token);
  },
  clear(storage: Storage): void {
    storage.removeItem(STORAGE_KEY);
  },
};

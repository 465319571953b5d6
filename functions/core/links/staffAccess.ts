// constants.js, not index.js: the staff page imports this module and should not carry the schemas.
import { LEAGUES_AND_CITIES } from '../records/constants.js';
import type { League } from '../statistics/Figures.js';

/** The group whose members (the department's staff) see every region's documents. */
export const DEPARTMENT_GROUP = 'department';
/** The group whose members decide awards: with DEPARTMENT_GROUP every region's, else their 盟市's. */
export const APPROVERS_GROUP = 'approvers';

/** Whom a verified token speaks for: the department's staff, or one 盟市's. */
export type StaffAccess =
  | { readonly scope: 'department'; readonly subject: string }
  | { readonly scope: 'region'; readonly region: League; readonly subject: string };

/**
 * Cognito puts groups in `cognito:groups`; API Gateway's JWT authorizer hands claims over as
 * strings, an array becoming "[a b]" (space-separated, in brackets). Exactly those two forms are
 * read: a comma is part of a group's name, so "department,other" is no department membership.
 */
export function groupsOf(claims: Readonly<Record<string, unknown>>): string[] {
  const groups = claims['cognito:groups'];
  if (Array.isArray(groups)) return groups.map(String);
  if (typeof groups !== 'string') return [];
  const listed = /^\[(.*)\]$/.exec(groups);
  return listed ? listed[1]!.split(' ').filter(Boolean) : [groups];
}

/**
 * What the claims of a verified token allow, or undefined when they allow nothing (no subject,
 * or a region that is not one of the 12 盟市): such a caller is refused outright.
 */
export function staffAccessFromClaims(claims: Readonly<Record<string, unknown>>): StaffAccess | undefined {
  const subject = typeof claims.sub === 'string' && claims.sub ? claims.sub : undefined;
  if (!subject) return undefined;
  if (groupsOf(claims).includes(DEPARTMENT_GROUP)) return { scope: 'department', subject };
  const region = claims['custom:region'];
  if (typeof region === 'string' && (LEAGUES_AND_CITIES as readonly string[]).includes(region)) {
    return { scope: 'region', region: region as League, subject };
  }
  return undefined;
}

/** Whether the caller may see a record of this region (the department sees 自治区-level ones too). */
export function maySee(access: StaffAccess, region: string): boolean {
  return access.scope === 'department' || access.region === region;
}

/** Whom the caller speaks for, as the audit trail names it: a 盟市, or the department. */
export function scopeOf(access: StaffAccess): string {
  return access.scope === 'department' ? 'department' : access.region;
}

import type { Decider } from '../award/Award.js';
import { APPROVERS_GROUP, DEPARTMENT_GROUP, groupsOf } from '../links/staffAccess.js';
import { LEAGUES_AND_CITIES, type Region, REGIONS } from '../records/constants.js';

/**
 * Whom a verified token lets decide awards: an approver of the department (every region,
 * 自治区-level records included) or of one 盟市. The decider is the token's subject and name,
 * which the identity provider sets and the user cannot.
 */
export type ApproverAccess = {
  readonly by: Decider;
  readonly regions: readonly Region[];
  /** Who they speak for in the audit trail: the department, or their 盟市. */
  readonly scope: string;
};

/** The approver's access, or undefined when the claims are no approver's (no subject, not in the group, no 盟市). */
export function approverAccessFromClaims(claims: Readonly<Record<string, unknown>>): ApproverAccess | undefined {
  const sub = typeof claims.sub === 'string' && claims.sub ? claims.sub : undefined;
  const groups = groupsOf(claims);
  if (sub === undefined || !groups.includes(APPROVERS_GROUP)) return undefined;
  const name =
    [claims.name, claims['cognito:username'], claims.email].find(
      (value): value is string => typeof value === 'string' && value.trim() !== '',
    ) ?? sub;
  const by = { sub, name };
  if (groups.includes(DEPARTMENT_GROUP)) return { by, regions: REGIONS, scope: 'department' };
  const region = claims['custom:region'];
  if (typeof region === 'string' && (LEAGUES_AND_CITIES as readonly string[]).includes(region))
    return { by, regions: [region as Region], scope: region };
  return undefined;
}

/**
 * Whether the approver may decide a record of this region issued by an authority whose approvers
 * the registry lists by region: the department's approvers decide every award, a 盟市's those of
 * its region whose authority it approves for (a 盟市's approvers do not decide the 公安厅's awards
 * unless the registry says so).
 */
export function mayDecide(
  access: ApproverAccess,
  region: unknown,
  authorityRegions: readonly string[] | undefined,
): boolean {
  if (access.scope === 'department') return true;
  if (!(access.regions as readonly unknown[]).includes(region)) return false;
  return authorityRegions === undefined || authorityRegions.includes(access.scope);
}

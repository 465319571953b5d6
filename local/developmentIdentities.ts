import type { Decider } from '../functions/core/award/Award.js';
import { APPROVERS_GROUP, DEPARTMENT_GROUP } from '../functions/core/links/staffAccess.js';
import { LEAGUES_AND_CITIES } from '../functions/core/records/constants.js';

export interface DevelopmentIdentity {
  readonly id: string;
  readonly label: string;
  readonly claims: Record<string, unknown>;
}

/**
 * Whom the local staff page and the approver's tool can act as: the department's staff, the staff
 * of one 盟市, the department's approver (all regions) and one approver per 盟市, with the claims a
 * Cognito ID token would carry for them. `region-N` and `approver-region-N` are the same 盟市.
 */
export const DEVELOPMENT_IDENTITIES: readonly DevelopmentIdentity[] = [
  {
    id: 'department',
    label: '公安厅工作人员（全区）',
    claims: { sub: 'dev-department', name: '公安厅工作人员', 'cognito:groups': [DEPARTMENT_GROUP] },
  },
  ...LEAGUES_AND_CITIES.map((region, index) => ({
    id: `region-${index + 1}`,
    label: `${region}工作人员`,
    claims: { sub: `dev-region-${index + 1}`, name: `${region}工作人员`, 'custom:region': region },
  })),
  {
    id: 'approver',
    label: '公安厅审批人（全区）',
    claims: { sub: 'dev-approver', name: '公安厅审批人', 'cognito:groups': [APPROVERS_GROUP, DEPARTMENT_GROUP] },
  },
  ...LEAGUES_AND_CITIES.map((region, index) => ({
    id: `approver-region-${index + 1}`,
    label: `${region}审批人`,
    claims: {
      sub: `dev-approver-region-${index + 1}`,
      name: `${region}审批人`,
      'cognito:groups': [APPROVERS_GROUP],
      'custom:region': region,
    },
  })),
];

/** A development identity by its id; undefined for any other id. */
export function developmentIdentity(id: string): DevelopmentIdentity | undefined {
  return DEVELOPMENT_IDENTITIES.find((identity) => identity.id === id);
}

/** Who a development identity is as the author of a decision. */
export function developmentDecider(id: string): Decider {
  const identity = developmentIdentity(id);
  if (identity === undefined) throw new Error(`unknown development identity: ${id}`);
  return { sub: String(identity.claims.sub), name: String(identity.claims.name) };
}

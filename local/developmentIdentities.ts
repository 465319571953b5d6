import { LEAGUES_AND_CITIES } from '../functions/core/records/constants.js';
import { DEPARTMENT_GROUP } from '../functions/core/links/staffAccess.js';

/**
 * Whom the local staff page can sign in as: the department's staff, or the staff of one 盟市,
 * with the claims a Cognito ID token would carry for them.
 */
export const DEVELOPMENT_IDENTITIES: readonly {
  readonly id: string;
  readonly label: string;
  readonly claims: Record<string, unknown>;
}[] = [
  {
    id: 'department',
    label: '公安厅工作人员（全区）',
    claims: { sub: 'dev-department', 'cognito:groups': [DEPARTMENT_GROUP] },
  },
  ...LEAGUES_AND_CITIES.map((region, index) => ({
    id: `region-${index + 1}`,
    label: `${region}工作人员`,
    claims: { sub: `dev-region-${index + 1}`, 'custom:region': region },
  })),
];

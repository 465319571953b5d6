import { describe, expect, it } from 'vitest';
import { maySee, staffAccessFromClaims } from '../../../functions/core/links/staffAccess.js';

describe('staff access from token claims', () => {
  it('lets a 盟市’s staff see that 盟市 only', () => {
    const access = staffAccessFromClaims({ sub: 'u-1', 'custom:region': '兴安盟' })!;
    expect(access).toEqual({ scope: 'region', region: '兴安盟', subject: 'u-1' });
    expect(maySee(access, '兴安盟')).toBe(true);
    expect(maySee(access, '呼伦贝尔市')).toBe(false);
    expect(maySee(access, '自治区')).toBe(false);
  });

  it('lets the department’s staff see every region, with groups as an array or as API Gateway’s string', () => {
    for (const groups of [['department'], '[department]', '[staff department]']) {
      const access = staffAccessFromClaims({ sub: 'u-2', 'cognito:groups': groups, 'custom:region': '兴安盟' })!;
      expect(access.scope, String(groups)).toBe('department');
      expect(maySee(access, '阿拉善盟')).toBe(true);
      expect(maySee(access, '自治区')).toBe(true);
    }
  });

  it('reads group strings exactly as API Gateway hands them: commas or stray spaces grant nothing', () => {
    for (const groups of [
      'department,other',
      '[department,other]',
      'department other',
      '[departments]',
      'Department',
    ]) {
      const access = staffAccessFromClaims({ sub: 'u-4', 'cognito:groups': groups, 'custom:region': '兴安盟' });
      expect(access, groups).toEqual({ scope: 'region', region: '兴安盟', subject: 'u-4' });
    }
    expect(staffAccessFromClaims({ sub: 'u-4', 'cognito:groups': 'department' })?.scope).toBe('department');
  });

  it('allows nothing without a subject, or with a region that is not a 盟市', () => {
    expect(staffAccessFromClaims({ 'custom:region': '兴安盟' })).toBeUndefined();
    expect(staffAccessFromClaims({ sub: 'u-3' })).toBeUndefined();
    expect(staffAccessFromClaims({ sub: 'u-3', 'custom:region': '北京市' })).toBeUndefined();
    expect(staffAccessFromClaims({ sub: 'u-3', 'cognito:groups': '[staff]', 'custom:region': '' })).toBeUndefined();
  });
});

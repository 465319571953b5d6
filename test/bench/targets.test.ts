import { describe, expect, it } from 'vitest';
import { evaluate, targetJson } from '../../bench/targets.js';

const rendersPerApproval = (byKind: Record<string, number>) =>
  evaluate({
    key: 'rendersPerApproval',
    label: 'renders per approval',
    actual: Math.max(...Object.values(byKind)),
    limit: 1,
    bound: 'eachEqual',
    unit: '',
    each: byKind,
    details: { byKind },
  });

describe('targets', () => {
  it('passes renders per approval only when every kind renders exactly once', () => {
    expect(rendersPerApproval({ certificate: 1, telegram: 1 }).pass).toBe(true);
    expect(rendersPerApproval({ certificate: 1, telegram: 0 }).pass).toBe(false);
    expect(rendersPerApproval({ certificate: 2, telegram: 1 }).pass).toBe(false);
    expect(rendersPerApproval({}).pass).toBe(false);
  });

  it('reports a figure that was not measured as null with its reason, failed, never NaN', () => {
    const target = evaluate({
      key: 'pipelineP95Ms',
      label: 'p95',
      limit: 2000,
      bound: 'below',
      unit: 'ms',
      notMeasured: 'npm run bench:pipeline exited with 1',
    });
    expect(target.pass).toBe(false);
    expect(targetJson(target)).toMatchObject({ actual: null, pass: false, notMeasured: expect.stringContaining('1') });
  });

  it('keeps strict and inclusive limits apart', () => {
    const at = (bound: 'max' | 'below' | 'min') =>
      evaluate({ key: 'k', label: 'k', actual: 2000, limit: 2000, bound, unit: 'ms' }).pass;
    expect([at('max'), at('below'), at('min')]).toEqual([true, false, true]);
  });

  it('marks an informational figure neither passed nor failed', () => {
    const cost = evaluate({ key: 'c', label: 'c', actual: 0.4, limit: null, bound: 'none', unit: 'USD' });
    expect(cost.pass).toBeNull();
  });
});

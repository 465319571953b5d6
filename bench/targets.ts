/** The performance targets the benchmark reports against. A failed target is reported, not thrown. */

/**
 * 'max': actual ≤ limit; 'below': actual < limit; 'min': actual ≥ limit; 'eachEqual': every value
 * in `each` equals the limit (actual is then their largest); 'none': informational, no limit.
 */
export type Bound = 'max' | 'below' | 'min' | 'eachEqual' | 'none';

export interface Target {
  readonly key: string;
  readonly label: string;
  readonly limit: number | null;
  readonly bound: Bound;
  readonly unit: string;
  /** Undefined when the figure could not be measured; `notMeasured` then says why. */
  readonly actual?: number;
  readonly notMeasured?: string;
  /** For 'eachEqual': the values (by name) that must each equal the limit. */
  readonly each?: Readonly<Record<string, number>>;
  /** The values a figure is made of (per kind, its spread, a cost's inputs): carried into the JSON. */
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface TargetResult extends Target {
  /** Null for an informational figure (bound 'none'); false when not measured. */
  readonly pass: boolean | null;
}

function passes({ actual, limit, bound, each }: Target): boolean | null {
  if (bound === 'none') return null;
  if (actual === undefined || limit === null) return false;
  if (bound === 'eachEqual') {
    const values = Object.values(each ?? {});
    return values.length > 0 && values.every((value) => value === limit);
  }
  if (bound === 'min') return actual >= limit;
  return bound === 'below' ? actual < limit : actual <= limit;
}

export function evaluate(target: Target): TargetResult {
  return { ...target, pass: passes(target) };
}

const OPERATORS: Record<Bound, string> = { max: '≤', below: '<', min: '≥', eachEqual: '= (each)', none: '' };

export function describeBound({ bound, limit, unit }: Target): string {
  if (bound === 'none' || limit === null) return 'informational';
  const value = limit.toLocaleString('en-US');
  return unit === '×' ? `${OPERATORS[bound]} ${value}×` : `${OPERATORS[bound]} ${value} ${unit}`.trimEnd();
}

/** The target as the JSON line carries it: never NaN, a figure not measured is null with its reason. */
export function targetJson(target: TargetResult): Record<string, unknown> {
  return {
    actual: target.actual ?? null,
    limit: target.limit,
    bound: OPERATORS[target.bound] || null,
    unit: target.unit,
    pass: target.pass,
    ...(target.notMeasured === undefined ? {} : { notMeasured: target.notMeasured }),
    ...target.details,
  };
}

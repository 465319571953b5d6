/** The performance targets the benchmark reports against. A failed target is reported, not thrown. */

export interface Target {
  readonly key: string;
  readonly label: string;
  readonly actual: number;
  readonly limit: number;
  /** 'max': actual must be ≤ limit (or < limit when `strict`); 'min': actual must be ≥ limit. */
  readonly bound: 'max' | 'min';
  readonly strict?: boolean;
  readonly unit: string;
}

export interface TargetResult extends Target {
  readonly pass: boolean;
}

export function evaluate(target: Target): TargetResult {
  const { actual, limit, bound, strict } = target;
  const pass = bound === 'min' ? actual >= limit : strict ? actual < limit : actual <= limit;
  return { ...target, pass };
}

export function describeBound(target: Target): string {
  const operator = target.bound === 'min' ? '≥' : target.strict ? '<' : '≤';
  const limit = target.limit.toLocaleString('en-US');
  return target.unit === '×' ? `${operator} ${limit}×` : `${operator} ${limit} ${target.unit}`;
}

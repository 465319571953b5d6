/**
 * Two renderers timed in the same rounds compared round by round: the ratio (or difference) of
 * round i uses two renders made moments apart, so a noisy stretch of the machine slows both
 * sides of it instead of only one.
 */
import { percentile } from './stats.js';

export interface PairedSummary {
  readonly rounds: number;
  readonly p25: number;
  readonly median: number;
  readonly p75: number;
}

function summarizePaired(values: number[]): PairedSummary {
  const sorted = values.sort((a, b) => a - b);
  return {
    rounds: sorted.length,
    p25: percentile(sorted, 25),
    median: percentile(sorted, 50),
    p75: percentile(sorted, 75),
  };
}

function paired(a: readonly number[], b: readonly number[], combine: (x: number, y: number) => number): number[] {
  if (a.length !== b.length) throw new Error(`paired samples differ in length: ${a.length} and ${b.length}`);
  return a.map((x, i) => combine(x, b[i]!));
}

/** a_i / b_i over the rounds. */
export function ratioPerRound(a: readonly number[], b: readonly number[]): PairedSummary {
  return summarizePaired(paired(a, b, (x, y) => x / y));
}

/** a_i − b_i over the rounds. */
export function differencePerRound(a: readonly number[], b: readonly number[]): PairedSummary {
  return summarizePaired(paired(a, b, (x, y) => x - y));
}

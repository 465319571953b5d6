/**
 * Renderers timed in rounds, one render each per round, instead of one renderer after the other:
 * a stretch of noise on a shared machine then lands on every renderer alike, and the per-round
 * ratios stay put while the absolute times move.
 */
import { hasSettled, type SteadyStateRule } from './steadyState.js';
import { collectGarbageIfExposed } from './stats.js';

/** A renderer under test: renders the document of round `i` (inputs vary with `i`). */
export type Contestant<R> = (i: number) => Promise<R>;

export interface RoundsPlan extends SteadyStateRule {
  /** Warm-up rounds run even when the times settle earlier (JIT tiers, lazy fonts and caches). */
  readonly minWarmupRounds: number;
  /** Warm-up stops here even when a renderer has not settled; the result then says so. */
  readonly maxWarmupRounds: number;
  readonly timedRounds: number;
}

export interface InterleavedResult<K extends string, R> {
  readonly warmupRounds: number;
  /** Every renderer's window median had settled when warm-up stopped. */
  readonly settled: boolean;
  /** Per renderer, the time of each timed round (index = round). */
  readonly samplesMs: Record<K, number[]>;
  /** Per renderer, the result of each timed round. */
  readonly results: Record<K, R[]>;
}

/** The order of round `round`: rotated by one place each round, so no renderer always goes first. */
export function rotation<K>(names: readonly K[], round: number): K[] {
  const shift = round % names.length;
  return [...names.slice(shift), ...names.slice(0, shift)];
}

function emptyPer<K extends string, T>(names: readonly K[]): Record<K, T[]> {
  return Object.fromEntries(names.map((name) => [name, [] as T[]])) as Record<K, T[]>;
}

async function runRound<K extends string, R>(
  contestants: Record<K, Contestant<R>>,
  names: readonly K[],
  round: number,
  samplesMs: Record<K, number[]>,
  results?: Record<K, R[]>,
): Promise<void> {
  for (const name of rotation(names, round)) {
    const start = performance.now();
    const result = await contestants[name](round);
    samplesMs[name].push(performance.now() - start);
    results?.[name].push(result);
  }
}

/**
 * Warms every contestant up in rounds until each one's window median has settled (at least
 * `minWarmupRounds`, at most `maxWarmupRounds`), then times `timedRounds` rounds. The round
 * number keeps counting from warm-up into the timed rounds, so inputs that vary with it do not
 * repeat the warm-up's in lockstep.
 */
export async function runInterleaved<K extends string, R>(
  contestants: Record<K, Contestant<R>>,
  plan: RoundsPlan,
): Promise<InterleavedResult<K, R>> {
  const names = Object.keys(contestants) as K[];
  const warmupMs = emptyPer<K, number>(names);
  const settledAll = () => names.every((name) => hasSettled(warmupMs[name], plan));
  let round = 0;
  while (round < plan.maxWarmupRounds && (round < plan.minWarmupRounds || !settledAll())) {
    await runRound(contestants, names, round, warmupMs);
    round += 1;
  }
  const settled = settledAll();
  collectGarbageIfExposed();
  const samplesMs = emptyPer<K, number>(names);
  const results = emptyPer<K, R>(names);
  for (let timed = 0; timed < plan.timedRounds; timed++) {
    await runRound(contestants, names, round + timed, samplesMs, results);
  }
  return { warmupRounds: round, settled, samplesMs, results };
}

/** Timing helpers shared by the benchmark's measurements. */

export interface TimingSummary {
  readonly iterations: number;
  readonly p50: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
}

/** Nearest-rank percentile of an ascending array (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('percentile of an empty sample');
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

export function summarize(samplesMs: readonly number[]): TimingSummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return {
    iterations: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

/** Collects garbage between measurements when node runs with --expose-gc; a no-op otherwise. */
export function collectGarbageIfExposed(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc === 'function') gc();
}

/**
 * Runs `task(i)` `warmup` times untimed (JIT, lazy font loading, template compilation), then
 * `iterations` times timed one by one. `i` keeps counting across warm-up and timed runs, so a
 * task that varies its input by `i` never repeats the warm-up's inputs in lockstep.
 * Returns the per-iteration times (ms) and the results of the timed runs.
 */
export async function timeIterations<T>(
  task: (i: number) => Promise<T>,
  { warmup, iterations }: { warmup: number; iterations: number },
): Promise<{ samplesMs: number[]; results: T[] }> {
  for (let i = 0; i < warmup; i++) await task(i);
  collectGarbageIfExposed();
  const samplesMs: number[] = [];
  const results: T[] = [];
  for (let i = warmup; i < warmup + iterations; i++) {
    const start = performance.now();
    const result = await task(i);
    samplesMs.push(performance.now() - start);
    results.push(result);
  }
  return { samplesMs, results };
}

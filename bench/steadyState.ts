import { median } from './stats.js';

/** When warm-up may stop: the median of the last `window` samples has stopped moving. */
export interface SteadyStateRule {
  /** Samples per window (the last window is compared with the one before it). */
  readonly window: number;
  /** The largest relative change of the window median still called steady (0.03 = 3 %). */
  readonly tolerance: number;
}

/**
 * True once the median of the last `window` samples differs from the median of the `window`
 * before them by less than `tolerance` of the earlier one. Medians, not means: one descheduled
 * render on a shared machine must not keep the warm-up going.
 */
export function hasSettled(samples: readonly number[], { window, tolerance }: SteadyStateRule): boolean {
  if (samples.length < 2 * window) return false;
  const previous = median(samples.slice(-2 * window, -window));
  const last = median(samples.slice(-window));
  return Math.abs(last - previous) < tolerance * previous;
}

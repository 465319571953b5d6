import { describe, expect, it } from 'vitest';
import { rotation, runInterleaved } from '../../bench/interleavedRounds.js';
import { differencePerRound, ratioPerRound } from '../../bench/pairedComparison.js';
import { hasSettled } from '../../bench/steadyState.js';
import { summarize } from '../../bench/stats.js';

const busyFor = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('hasSettled', () => {
  const rule = { window: 4, tolerance: 0.03 };

  it('is false until two windows of samples exist', () => {
    expect(hasSettled([5, 5, 5, 5, 5, 5, 5], rule)).toBe(false);
  });

  it('is true when the last window median moved less than the tolerance', () => {
    expect(hasSettled([10, 10, 10, 10, 10.2, 10.1, 9.9, 10.2], rule)).toBe(true);
  });

  it('is false while the engine is still getting faster (JIT tiers)', () => {
    expect(hasSettled([20, 18, 16, 15, 10, 9, 9, 8], rule)).toBe(false);
  });

  it('ignores one descheduled render in a window: medians, not means', () => {
    expect(hasSettled([10, 10, 10, 10, 10, 10, 400, 10], rule)).toBe(true);
  });
});

describe('paired comparisons', () => {
  it('takes the ratio round by round, so a noisy round slows both sides of it', () => {
    // Round 2 ran on a busy machine: both doubled. Per-round ratios stay at 0.5.
    const ratio = ratioPerRound([1, 1, 2, 1], [2, 2, 4, 2]);
    expect(ratio).toEqual({ rounds: 4, p25: 0.5, median: 0.5, p75: 0.5 });
  });

  it('reports the median difference with its quartiles', () => {
    const difference = differencePerRound([12, 13, 14, 15], [10, 10, 10, 10]);
    expect(difference).toEqual({ rounds: 4, p25: 2, median: 3, p75: 4 });
  });

  it('refuses samples of different lengths: they would not be the same rounds', () => {
    expect(() => ratioPerRound([1, 2], [1])).toThrow(/differ in length/);
  });
});

describe('summarize', () => {
  it('gives the quartiles around the median', () => {
    expect(summarize([4, 1, 3, 2])).toMatchObject({ p25: 1, p50: 2, p75: 3, min: 1, max: 4 });
  });
});

describe('runInterleaved', () => {
  it('rotates the order every round so no renderer always goes first', () => {
    expect([0, 1, 2, 3].map((round) => rotation(['a', 'b', 'c'], round).join(''))).toEqual([
      'abc',
      'bca',
      'cab',
      'abc',
    ]);
  });

  it('runs one render of each per round and times the same number of rounds for each', async () => {
    const calls: string[] = [];
    const record = (name: string) => async (i: number) => {
      calls.push(`${name}${i}`);
      return i;
    };
    const plan = { window: 2, tolerance: 10, minWarmupRounds: 4, maxWarmupRounds: 50, timedRounds: 3 };
    const result = await runInterleaved({ a: record('a'), b: record('b') }, plan);
    expect(result.warmupRounds).toBe(4);
    expect(result.settled).toBe(true);
    expect(calls.slice(0, 4)).toEqual(['a0', 'b0', 'b1', 'a1']);
    expect(result.samplesMs.a).toHaveLength(3);
    expect(result.results.b).toEqual([4, 5, 6]);
  });

  it('stops warming up at the cap and says the times had not settled', async () => {
    let round = 0;
    const slower = async () => busyFor(0.2 * 2 ** Math.min(round++, 6));
    const plan = { window: 2, tolerance: 0.03, minWarmupRounds: 2, maxWarmupRounds: 6, timedRounds: 1 };
    const result = await runInterleaved({ slower }, plan);
    expect(result.warmupRounds).toBe(6);
    expect(result.settled).toBe(false);
  });
});

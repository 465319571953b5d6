import { statisticsBulletinView } from '../functions/core/documents/statisticsBulletinView.js';
import { DocumentEngine } from '../functions/core/engine/DocumentEngine.js';
import { awardOfRecord } from '../functions/core/award/Award.js';
import { changeDelta } from '../functions/core/statistics/changeDelta.js';
import { compileFigures } from '../functions/core/statistics/compileFigures.js';
import { compileKeptBulletin } from '../functions/core/statistics/compileKeptBulletin.js';
import type { Counters } from '../functions/core/statistics/counters.js';
import { generateRecords } from '../test/core/statistics/generateRecords.js';
import { InMemoryHeldNumbers } from '../test/support/InMemoryHeldNumbers.js';
import { median } from './stats.js';

export interface BulletinBench {
  readonly awards: number;
  /** Compiling from the kept counters: items read, requests, and time to figures and PDF. */
  readonly kept: { readonly itemsRead: number; readonly requests: number; readonly ms: number };
  /** Compiling by reading every award (what a full table scan would feed a recount). */
  readonly fullScan: { readonly itemsRead: number; readonly recountMs: number; readonly ms: number };
}

const CUTOFF = '2100-01-01T00:00:00Z';

/**
 * The bulletin line of npm run bench: 100,000 awards, compiled from the 13 kept counter items
 * (as the scheduled function does) against a recount of every award, in the same run. The
 * storage here is in memory, so the times are the computing alone; the reads are what each way
 * asks of DynamoDB.
 */
export async function measureBulletin(count = 100_000): Promise<BulletinBench> {
  const records = generateRecords(20200310, count);
  // The kept counters, as the statistics function leaves them after every approval.
  const counters = new Map<string, Partial<Counters>>();
  for (const record of records) {
    for (const { scope, delta } of changeDelta(undefined, awardOfRecord(record))) {
      const kept = counters.get(scope) ?? {};
      for (const [field, value] of Object.entries(delta))
        kept[field as keyof Counters] = (kept[field as keyof Counters] ?? 0) + value;
      counters.set(scope, kept);
    }
  }
  const engine = DocumentEngine.shared();
  const authority = { name: '内蒙古自治区公安厅', code: '内公奖' };
  let requests = 0;
  let itemsRead = 0;
  const archive = { get: async () => undefined, latestBefore: async () => undefined, put: async () => {} };
  const figures = {
    read: async (scopes: readonly string[]) => {
      requests += 1;
      itemsRead += scopes.length;
      return new Map(scopes.map((scope) => [scope, counters.get(scope) ?? {}]));
    },
  };
  const keptTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    // A sequence of its own each time: every run numbers its bulletin (a trial render, then the PDF).
    await compileKeptBulletin(CUTOFF, { figures, archive, engine, authority, numbers: new InMemoryHeldNumbers() });
    keptTimes.push(performance.now() - started);
  }
  const recountTimes: number[] = [];
  const fullTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const recounted = compileFigures(records, CUTOFF);
    recountTimes.push(performance.now() - started);
    await engine.render('statistics-bulletin', statisticsBulletinView(recounted, authority));
    fullTimes.push(performance.now() - started);
  }
  return {
    awards: count,
    kept: { itemsRead: itemsRead / keptTimes.length, requests: requests / keptTimes.length, ms: median(keptTimes) },
    fullScan: { itemsRead: count, recountMs: median(recountTimes), ms: median(fullTimes) },
  };
}

/** Warm rendering times of our engine, one document kind at a time, warmed up until steady. */
import { renderRecordDocuments } from '../functions/core/documents/renderRecordDocuments.js';
import type { AwardRecord } from '../functions/core/records/index.js';
import { type RoundsPlan, runInterleaved } from './interleavedRounds.js';
import { summarize, type TimingSummary } from './stats.js';

export interface DocumentMeasurement extends TimingSummary {
  readonly warmupRounds: number;
  readonly settled: boolean;
  /** The largest PDF among the timed renders. */
  readonly bytes: number;
  readonly pages: number;
  readonly bytesPerPage: number;
}

/**
 * Renders `recordFor(i)` repeatedly through the public entry point (`renderRecordDocuments`,
 * shared engine, fonts loaded once per process) and times each whole call. Each record yields
 * exactly one document.
 */
export async function measureRecordRendering(
  recordFor: (i: number) => AwardRecord,
  plan: RoundsPlan,
): Promise<DocumentMeasurement> {
  const result = await runInterleaved(
    {
      ours: async (i: number) => {
        const [document] = await renderRecordDocuments(recordFor(i));
        if (!document) throw new Error(`record ${recordFor(i).id} produced no document`);
        return { bytes: document.bytes.byteLength, pages: document.pages };
      },
    },
    plan,
  );
  const largest = result.results.ours.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  return {
    ...summarize(result.samplesMs.ours),
    warmupRounds: result.warmupRounds,
    settled: result.settled,
    bytes: largest.bytes,
    pages: largest.pages,
    bytesPerPage: Math.round(largest.bytes / largest.pages),
  };
}

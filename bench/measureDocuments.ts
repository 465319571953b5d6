/** Warm rendering times of our engine, one document kind at a time. */
import { renderRecordDocuments } from '../functions/core/documents/renderRecordDocuments.js';
import type { AwardRecord } from '../functions/core/records/index.js';
import { summarize, timeIterations, type TimingSummary } from './stats.js';

export interface DocumentMeasurement extends TimingSummary {
  /** The largest PDF among the timed renders (certificates differ by recipient name). */
  readonly bytes: number;
  readonly pages: number;
  readonly bytesPerPage: number;
}

export interface IterationPlan {
  readonly warmup: number;
  readonly iterations: number;
}

/**
 * Renders `recordFor(i)` repeatedly through the public entry point (`renderRecordDocuments`,
 * shared engine, fonts loaded once per process) and times each whole call. Each record yields
 * exactly one document.
 */
export async function measureRecordRendering(
  recordFor: (i: number) => AwardRecord,
  plan: IterationPlan,
): Promise<DocumentMeasurement> {
  const { samplesMs, results } = await timeIterations(async (i) => {
    const [document] = await renderRecordDocuments(recordFor(i));
    if (!document) throw new Error(`record ${recordFor(i).id} produced no document`);
    return document;
  }, plan);
  const largest = results.reduce((a, b) => (b.bytes.byteLength > a.bytes.byteLength ? b : a));
  return {
    ...summarize(samplesMs),
    bytes: largest.bytes.byteLength,
    pages: largest.pages,
    bytesPerPage: Math.round(largest.bytes.byteLength / largest.pages),
  };
}

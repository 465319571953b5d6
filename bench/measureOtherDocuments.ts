/** The document kinds other than the certificate, each rendered alone until steady, then timed. */
import { EXAMPLE_FILES, largeCommendationOrder, loadExample } from './benchRecords.js';
import type { RoundsPlan } from './interleavedRounds.js';
import { type DocumentMeasurement, measureRecordRendering } from './measureDocuments.js';
import type { SteadyStateRule } from './steadyState.js';

export const LARGE_ORDER_AWARDEES = 300;

export const DOCUMENT_LABELS = {
  commendationOrder: 'commendation order',
  telegram: 'telegram',
  praiseBulletin: 'praise bulletin',
  commendationOrder300: `commendation order, ${LARGE_ORDER_AWARDEES} awardees`,
} as const;

export type DocumentResults = Record<keyof typeof DOCUMENT_LABELS, DocumentMeasurement>;

/** The 300-awardee order takes tens of milliseconds a render: fewer rounds, smaller windows. */
function planFor(kind: keyof DocumentResults, steady: SteadyStateRule): RoundsPlan {
  return kind === 'commendationOrder300'
    ? { window: 10, tolerance: steady.tolerance, minWarmupRounds: 30, maxWarmupRounds: 120, timedRounds: 40 }
    : { ...steady, minWarmupRounds: 60, maxWarmupRounds: 300, timedRounds: 150 };
}

export async function measureOtherDocuments(
  steady: SteadyStateRule,
  progress: (message: string) => void,
): Promise<DocumentResults> {
  const records = {
    commendationOrder: loadExample(EXAMPLE_FILES.commendationOrder),
    telegram: loadExample(EXAMPLE_FILES.telegram),
    praiseBulletin: loadExample(EXAMPLE_FILES.praiseBulletin),
    commendationOrder300: largeCommendationOrder(LARGE_ORDER_AWARDEES),
  };
  const results: Partial<DocumentResults> = {};
  for (const kind of Object.keys(records) as (keyof DocumentResults)[]) {
    const plan = planFor(kind, steady);
    progress(`${DOCUMENT_LABELS[kind]}: warm-up until steady, then ${plan.timedRounds} timed renders`);
    results[kind] = await measureRecordRendering(() => records[kind], plan);
  }
  return results as DocumentResults;
}

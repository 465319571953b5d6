import type { Award } from '../award/Award.js';
import { failedToRender } from '../award/failedToRender.js';
import { type AwardRecord, LEAGUES_AND_CITIES, validateRecord } from '../records/index.js';
import { COUNTER_FIELDS, type CounterField, type Counters, countersOf } from './counters.js';
import { figuresOf } from './recordContribution.js';

/** Where the whole region's figures are kept; each 盟市's are kept under its own name. */
export const REGION_SCOPE = '全区';

/** Counts as of now: every approval and delivery so far, no revocation yet to come. */
const NOW_AND_LATER = new Date(8.64e15);

/**
 * What one award adds to each scope's counters now; an invalid record adds nothing, nor does an
 * award whose documents could not be drawn (as issuedRecords leaves it out of a recount).
 */
function contribution(award: Award | undefined): Map<string, Counters> {
  const scopes = new Map<string, Counters>();
  if (award === undefined || failedToRender(award)) return scopes;
  let record: AwardRecord;
  try {
    record = validateRecord(award.record);
  } catch {
    return scopes;
  }
  const counters = countersOf(figuresOf(record, NOW_AND_LATER));
  scopes.set(REGION_SCOPE, counters);
  if ((LEAGUES_AND_CITIES as readonly string[]).includes(record.region)) scopes.set(record.region, counters);
  return scopes;
}

export interface ScopeDelta {
  readonly scope: string;
  readonly delta: Partial<Counters>;
}

/**
 * How one change to an award (as it was → as it is) moves the kept figures: the new
 * state's contribution minus the old one's, per scope, leaving out what does not move. An
 * approval adds, a revocation subtracts, a correction moving an award to another 盟市 does both,
 * and the render function's own write-backs move nothing.
 */
export function changeDelta(before: Award | undefined, after: Award | undefined): ScopeDelta[] {
  const was = contribution(before);
  const is = contribution(after);
  const deltas: ScopeDelta[] = [];
  for (const scope of new Set([...was.keys(), ...is.keys()])) {
    const delta: Partial<Counters> = {};
    for (const field of COUNTER_FIELDS) {
      const change = (is.get(scope)?.[field] ?? 0) - (was.get(scope)?.[field] ?? 0);
      if (change !== 0) delta[field as CounterField] = change;
    }
    if (Object.keys(delta).length > 0) deltas.push({ scope, delta });
  }
  return deltas;
}

import type { Award } from '../award/Award.js';
import { failedToRender } from '../award/failedToRender.js';
import { type AwardRecord, validateRecord } from '../records/index.js';

/**
 * The records the statistics count, from the awards that hold them: valid ones, leaving out an
 * award whose documents could not be drawn. The kept counters leave out the same awards, so a
 * recount of the table equals them.
 */
export function issuedRecords(awards: Iterable<Award>): AwardRecord[] {
  const records: AwardRecord[] = [];
  for (const award of awards) {
    if (failedToRender(award)) continue;
    try {
      records.push(validateRecord(award.record));
    } catch {
      // An invalid record adds nothing, in the kept counters too.
    }
  }
  return records;
}

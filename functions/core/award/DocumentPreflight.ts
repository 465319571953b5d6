import type { AwardRecordFields } from './Award.js';

/**
 * Draws an award's documents as drafts before a person's decision can depend on them: a record
 * whose documents cannot be drawn (a character no font has, text that does not fit, a field a
 * document needs) is refused with a RecordFault naming the field and the reason.
 */
export interface DocumentPreflight {
  check(record: AwardRecordFields): Promise<void>;
}

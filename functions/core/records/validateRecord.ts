import { RECORD_ID_PATTERN } from './constants.js';
import { awardRecordSchema, type AwardRecord } from './awardRecordSchema.js';
import { recordErrorMap } from './recordErrorMap.js';
import { RecordValidationError } from './RecordValidationError.js';
import { toRecordIssues } from './toRecordIssues.js';

/** The id to name in an error, if the input has a usable one. */
function readRecordId(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const id = (input as { id?: unknown }).id;
  return typeof id === 'string' && RECORD_ID_PATTERN.test(id) ? id : undefined;
}

/**
 * Checks a record's JSON form against the contract and returns it with defaults filled in.
 * @throws RecordValidationError listing every problem, each with its field path.
 */
export function validateRecord(input: unknown): AwardRecord {
  const result = awardRecordSchema.safeParse(input, { error: recordErrorMap });
  if (result.success) return result.data;
  throw new RecordValidationError(readRecordId(input), toRecordIssues(result.error.issues), {
    cause: result.error,
  });
}

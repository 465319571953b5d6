import { RecordFault } from '../errors.js';

/** One problem with a record: the field path in dot/index notation and the rule it breaks. */
export interface RecordIssue {
  path: string;
  message: string;
}

/** A record's JSON does not match the record contract; `issues` lists every problem found. */
export class RecordValidationError extends RecordFault {
  override name = 'RecordValidationError';
  constructor(
    recordId: string | undefined,
    readonly issues: RecordIssue[],
    options?: { cause?: unknown },
  ) {
    const problems = issues.map((issue) => (issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`));
    super(`record ${recordId ?? '(no readable id)'}: ${problems.join('; ')}`, {
      ...options,
      recordId,
      field: issues[0]?.path || undefined,
    });
  }
}

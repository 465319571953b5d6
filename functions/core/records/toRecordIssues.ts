import type { z } from 'zod';
import type { RecordIssue } from './RecordValidationError.js';

/** ['awardees', 3, 'name'] → 'awardees[3].name' */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`))
    .join('');
}

/** Turns zod issues into path + message pairs; an issue naming several unknown keys becomes one per key. */
export function toRecordIssues(issues: readonly z.core.$ZodIssue[]): RecordIssue[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: issue.message }))
      : [{ path: formatPath(issue.path), message: issue.message }],
  );
}

import { expect } from 'vitest';
import { RecordValidationError, validateRecord } from '../../../functions/core/records/index.js';

/** Validates input that must fail and returns the error, so a test can assert on its issues. */
export function validationErrorFor(input: unknown): RecordValidationError {
  try {
    validateRecord(input);
  } catch (error) {
    expect(error).toBeInstanceOf(RecordValidationError);
    return error as RecordValidationError;
  }
  throw new Error('expected the record to be rejected');
}

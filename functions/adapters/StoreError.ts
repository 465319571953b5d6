import { TransientFault } from '../core/errors.js';

/**
 * A storage call failed for reasons that are not the record's: throttling, a 5xx, a timeout, a
 * missing permission. The render function reports the record for a retry (and, past the retry
 * limit, to the on-failure queue) rather than marking it failed.
 */
export class StoreError extends TransientFault {
  override name = 'StoreError';
}

/** Turns an AWS SDK error into a StoreError naming the operation. */
export function storeError(operation: string, error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const sdk = error as { name?: string; message?: string };
  return new StoreError(`${operation}: ${sdk.name ?? 'Error'}: ${sdk.message ?? String(error)}`, { cause: error });
}

export const isConditionalCheckFailure = (error: unknown) =>
  (error as { name?: string }).name === 'ConditionalCheckFailedException';

/** S3 says the object is not there (NoSuchKey from GetObject, NotFound or a bare 404 from HeadObject). */
export const isNotFound = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
};

/** S3 refuses the request (AccessDenied, or a bare 403 from HeadObject): a policy's deny or a missing permission. */
export const isAccessDenied = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'AccessDenied' || e.$metadata?.httpStatusCode === 403;
};

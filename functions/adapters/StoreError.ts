/**
 * A storage call failed. `transient` says whether trying again may succeed (throttling, a 5xx,
 * a timeout); a permanent one (a missing table, no permission) is a deployment problem. Either
 * way it is not the record's fault, so the record is retried rather than marked failed.
 */
export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    message: string,
    readonly transient: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const TRANSIENT_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'SlowDown',
  'TimeoutError',
  'RequestTimeout',
  'TransactionInProgressException',
]);

/** Turns an AWS SDK error into a StoreError naming the operation. */
export function storeError(operation: string, error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const sdk = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number }; code?: string };
  const status = sdk.$metadata?.httpStatusCode;
  const transient =
    TRANSIENT_NAMES.has(sdk.name ?? '') || (status !== undefined && status >= 500) || ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE'].includes(sdk.code ?? '');
  return new StoreError(`${operation}: ${sdk.name ?? 'Error'}: ${sdk.message ?? String(error)}`, transient, { cause: error });
}

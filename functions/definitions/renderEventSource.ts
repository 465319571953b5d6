/**
 * How the render function reads the stream, shared by the deployed event source mapping and the
 * local poller: small batches (a batch renders in well under a second), ten retries of a failing
 * record with the batch bisected to isolate it, and a day before an approval is given up on.
 */
export const RENDER_EVENT_SOURCE = {
  startingPosition: 'TRIM_HORIZON',
  batchSize: 25,
  retryAttempts: 10,
  bisectBatchOnError: true,
  maxRecordAgeSeconds: 24 * 60 * 60,
} as const;

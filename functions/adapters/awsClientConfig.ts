/**
 * What every function's AWS clients are made with. The SDK waits on a stalled connection for ever
 * by default (and only warns when requestTimeout passes unless told to throw): a call that stalls
 * fails instead, and the stream, schedule or caller retries it well inside the function's timeout.
 */
export const AWS_CLIENT_CONFIG = {
  requestHandler: { connectionTimeout: 2_000, requestTimeout: 5_000, throwOnRequestTimeout: true },
} as const;

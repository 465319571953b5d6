/**
 * The local stack could not start or run: a port is taken, Java is missing, DynamoDB Local died.
 * The message says what to do about it; `cause` keeps the underlying error.
 */
export class LocalStackError extends Error {
  override name = 'LocalStackError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';

/**
 * Why each item of a cancelled transaction was refused, in the transaction's order
 * ('ConditionalCheckFailed', 'TransactionConflict', 'None'…); undefined when the error is not
 * a cancelled transaction at all.
 */
export function cancellationCodes(error: unknown): string[] | undefined {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  return (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
}

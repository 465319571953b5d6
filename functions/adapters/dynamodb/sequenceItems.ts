import type { SequencePlace } from '../../core/award/AwardStore.js';
import { formatDocumentNumber } from '../../core/pipeline/documentNumber.js';
import { claimKey, counterKey, ITEM_TYPES } from '../../definitions/awardsTable.js';

/**
 * The two transaction items that give the number at `place`, whoever receives it (an award, or a
 * document such as the statistics bulletin): the sequence's counter moves to the serial, on
 * condition it stood just below it (absent for serial 1), and the number's claim is written, on
 * condition nobody holds it. `claimant` says who receives it: `{ recordId }` or `{ holder }`.
 */
export function numberGiven(
  tableName: string,
  { code, year, serial }: SequencePlace,
  claimant: { readonly recordId: string } | { readonly holder: string },
) {
  const documentNumber = formatDocumentNumber(code, year, serial);
  return [
    {
      Put: {
        TableName: tableName,
        Item: { pk: counterKey(code, year), itemType: ITEM_TYPES.counter, code, year, lastSerial: serial },
        ...(serial === 1
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'lastSerial = :previous', ExpressionAttributeValues: { ':previous': serial - 1 } }),
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: { pk: claimKey(code, year, serial), itemType: ITEM_TYPES.claim, documentNumber, ...claimant },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ] as const;
}

/**
 * The claim of a number given to an award that failed before any document carried it, rewritten
 * as voided (作废) with when and why, on condition it is that award's claim: the number stays
 * taken, so the sequence stays gap-free and the number is never printed.
 */
export function numberVoided(
  tableName: string,
  { code, year, serial }: SequencePlace,
  recordId: string,
  voided: { readonly at: string; readonly reason: string },
) {
  return {
    TableName: tableName,
    Item: {
      pk: claimKey(code, year, serial),
      itemType: ITEM_TYPES.claim,
      documentNumber: formatDocumentNumber(code, year, serial),
      recordId,
      voidedAt: voided.at,
      voidReason: voided.reason,
    },
    ConditionExpression: 'recordId = :recordId',
    ExpressionAttributeValues: { ':recordId': recordId },
  };
}

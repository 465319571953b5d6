import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { SequencePlace } from '../../core/award/AwardStore.js';
import type { HeldNumbers } from '../../core/numbering/HeldNumbers.js';
import { formatDocumentNumber } from '../../core/pipeline/documentNumber.js';
import { counterKey, heldNumberKey, ITEM_TYPES } from '../../definitions/awardsTable.js';
import { storeError } from '../StoreError.js';
import { documentClient } from './documentClient.js';
import { readItem } from './readItem.js';
import { cancellationCodes } from './cancellationCodes.js';
import { numberGiven } from './sequenceItems.js';

/**
 * Numbers of documents that are not awards, in the awards table beside the awards' own: the
 * counter and claim items of the shared sequences, and one HELD# item per holder naming its number.
 */
export class DynamoDbHeldNumbers implements HeldNumbers {
  private readonly db: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.db = documentClient(client);
  }

  async numberOf(holder: string): Promise<string | undefined> {
    return (await this.getItem(heldNumberKey(holder)))?.documentNumber as string | undefined;
  }

  async nextSerial(code: string, year: number): Promise<number> {
    const counter = await this.getItem(counterKey(code, year));
    return ((counter?.lastSerial as number | undefined) ?? 0) + 1;
  }

  /**
   * One transaction moves the counter, claims the number and records it under the holder, each
   * under a condition; the last one (no number held yet) makes a second run for the same holder
   * fail here rather than take a second number.
   */
  async give(holder: string, place: SequencePlace): Promise<'given' | 'held' | 'taken'> {
    const { code, year, serial } = place;
    const documentNumber = formatDocumentNumber(code, year, serial);
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            ...numberGiven(this.tableName, place, { holder }),
            {
              Put: {
                TableName: this.tableName,
                Item: { pk: heldNumberKey(holder), itemType: ITEM_TYPES.heldNumber, holder, documentNumber, ...place },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      );
      return 'given';
    } catch (error) {
      const reasons = cancellationCodes(error);
      if (reasons === undefined) throw storeError(`giving ${documentNumber} to ${holder}`, error);
      const [counter, claim, held] = reasons;
      if (held === 'ConditionalCheckFailed') return 'held';
      // Another document took this serial first, or wrote at the same moment: the caller looks again.
      if ([counter, claim].includes('ConditionalCheckFailed') || reasons.includes('TransactionConflict'))
        return 'taken';
      throw storeError(`giving ${documentNumber} to ${holder} (${reasons.join(', ')})`, error);
    }
  }

  private getItem(pk: string): Promise<Record<string, unknown> | undefined> {
    return readItem(this.db, this.tableName, pk);
  }
}

import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { appliedChangeKey, ITEM_TYPES, statisticsKey } from '../../definitions/awardsTable.js';
import type { ScopeDelta } from '../../core/statistics/changeDelta.js';
import type { Counters } from '../../core/statistics/counters.js';
import { storeError } from '../StoreError.js';
import { cancellationCodes } from './cancellationCodes.js';
import { documentClient } from './documentClient.js';

/** How long the marker of a counted change is kept: past the stream's 24 h retention, so no redelivery outlives it. */
const APPLIED_MARKER_SECONDS = 2 * 24 * 60 * 60;

/** The bulletin's figures kept in the awards table, one counters item per scope. */
export class DynamoDbStatisticsRepository {
  private readonly db: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.db = documentClient(client);
  }

  /**
   * Adds a change's deltas to the scopes' counters and records the change as counted, in one
   * transaction: a redelivered change finds its marker and adds nothing.
   */
  async apply(changeId: string, deltas: readonly ScopeDelta[]): Promise<'applied' | 'already-applied'> {
    const updates = deltas.map(({ scope, delta }) => {
      const fields = Object.entries(delta);
      const additions = fields.map((_, i) => `#f${i} :v${i}`).join(', ');
      return {
        Update: {
          TableName: this.tableName,
          Key: { pk: statisticsKey(scope) },
          UpdateExpression: `SET itemType = :type, #scope = :scope ADD ${additions}`,
          ExpressionAttributeNames: {
            '#scope': 'scope',
            ...Object.fromEntries(fields.map(([name], i) => [`#f${i}`, name])),
          },
          ExpressionAttributeValues: {
            ':type': ITEM_TYPES.statistics,
            ':scope': scope,
            ...Object.fromEntries(fields.map(([, value], i) => [`:v${i}`, value])),
          },
        },
      };
    });
    const marker = {
      Put: {
        TableName: this.tableName,
        Item: {
          pk: appliedChangeKey(changeId),
          itemType: ITEM_TYPES.appliedChange,
          expiresAt: Math.floor(this.now().getTime() / 1000) + APPLIED_MARKER_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: [...updates, marker] }));
      return 'applied';
    } catch (error) {
      if (cancellationCodes(error)?.at(-1) === 'ConditionalCheckFailed') return 'already-applied';
      throw storeError(`counting change ${changeId}`, error);
    }
  }

  /** The counters of the given scopes: one read per scope, however many awards there are. */
  async read(scopes: readonly string[]): Promise<Map<string, Partial<Counters>>> {
    const result = new Map<string, Partial<Counters>>();
    try {
      for (let i = 0; i < scopes.length; i += 100) {
        let keys: Record<string, unknown>[] | undefined = scopes
          .slice(i, i + 100)
          .map((scope) => ({ pk: statisticsKey(scope) }));
        while (keys && keys.length > 0) {
          const response: BatchGetCommandOutput = await this.db.send(
            new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys, ConsistentRead: true } } }),
          );
          for (const item of response.Responses?.[this.tableName] ?? [])
            result.set(item.scope as string, item as Partial<Counters>);
          keys = response.UnprocessedKeys?.[this.tableName]?.Keys;
        }
      }
    } catch (error) {
      throw storeError('reading the kept figures', error);
    }
    return result;
  }
}

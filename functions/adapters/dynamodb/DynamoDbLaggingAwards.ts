import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { LaggingAwards } from '../../core/sweep/LaggingAwards.js';
import { LAG_INDEX } from '../../definitions/awardsTable.js';
import { storeError } from '../StoreError.js';
import { LAG_VALUES } from './awardItem.js';
import { documentClient } from './documentClient.js';

/**
 * Lagging awards through the byLag index: only they carry its key, so no award in step is read. No
 * crash loses an entry the item has: DynamoDB keeps its index from the table (late, never lost),
 * and DynamoDB Local keeps an item's index keys in the item's own SQLite row, written with it.
 */
export class DynamoDbLaggingAwards implements LaggingAwards {
  private readonly db: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.db = documentClient(client);
  }

  async *idsChangedBefore(time: Date): AsyncIterable<string> {
    for (const lag of Object.values(LAG_VALUES)) {
      let start: Record<string, unknown> | undefined;
      do {
        let page: QueryCommandOutput;
        try {
          page = await this.db.send(
            new QueryCommand({
              TableName: this.tableName,
              IndexName: LAG_INDEX.name,
              KeyConditionExpression: '#lag = :lag AND #changedAt < :before',
              ExpressionAttributeNames: {
                '#lag': LAG_INDEX.partitionKey.name,
                '#changedAt': LAG_INDEX.sortKey.name,
                '#id': 'id',
              },
              ExpressionAttributeValues: { ':lag': lag, ':before': time.toISOString() },
              ProjectionExpression: '#id',
              ...(start ? { ExclusiveStartKey: start } : {}),
            }),
          );
        } catch (error) {
          throw storeError(`listing awards lagging to ${lag.toLowerCase()}`, error);
        }
        for (const item of page.Items ?? []) yield item.id as string;
        start = page.LastEvaluatedKey;
      } while (start !== undefined);
    }
  }
}

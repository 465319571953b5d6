import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { storeError } from '../StoreError.js';

/**
 * One item of the awards table by its key, read strongly consistent: every conditional write
 * that follows is conditioned on what this read saw.
 */
export async function readItem(
  db: DynamoDBDocumentClient,
  tableName: string,
  pk: string,
): Promise<Record<string, unknown> | undefined> {
  try {
    return (await db.send(new GetCommand({ TableName: tableName, Key: { pk }, ConsistentRead: true }))).Item;
  } catch (error) {
    throw storeError(`reading ${pk}`, error);
  }
}

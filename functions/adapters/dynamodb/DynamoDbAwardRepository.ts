import { type DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { awardKey, claimKey, counterKey, ITEM_TYPES } from '../../definitions/awardsTable.js';
import { formatDocumentNumber } from '../../core/pipeline/documentNumber.js';
import type { AwardRepository } from '../../core/pipeline/ports.js';
import type { DocumentRef, StoredAward } from '../../core/pipeline/StoredAward.js';
import { StoreError, storeError } from '../StoreError.js';

/** How often a number allocation is tried again when another order took the same serial first. */
const MAX_ALLOCATION_ATTEMPTS = 25;

export function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

const isConditionFailure = (error: unknown) => (error as { name?: string }).name === 'ConditionalCheckFailedException';

/** Award items, document numbers and write-backs in the DynamoDB awards table. */
export class DynamoDbAwardRepository implements AwardRepository {
  private readonly db: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.db = documentClient(client);
  }

  async get(id: string): Promise<StoredAward | undefined> {
    try {
      const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: awardKey(id) }, ConsistentRead: true }));
      return Item as StoredAward | undefined;
    } catch (error) {
      throw storeError(`reading award ${id}`, error);
    }
  }

  /**
   * One transaction moves the sequence's counter, claims the number, and writes it on the
   * record, each under a condition: the number is given exactly when the record gets it, so a
   * crash between steps leaves no gap and a retry finds the number already on the record.
   */
  async allocateDocumentNumber({ recordId, version, code, year }: { recordId: string; version: number; code: string; year: number }): Promise<string> {
    for (let attempt = 1; attempt <= MAX_ALLOCATION_ATTEMPTS; attempt++) {
      const award = await this.get(recordId);
      if (award === undefined) throw new StoreError(`allocating a number: award ${recordId} does not exist`, false);
      if (typeof award.documentNumber === 'string') return award.documentNumber;
      if (award.version !== version) throw new StoreError(`allocating a number: award ${recordId} changed (version ${award.version}, not ${version})`, true);
      const serial = await this.nextSerial(code, year);
      const documentNumber = formatDocumentNumber(code, year, serial);
      try {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: this.tableName,
                  Item: { pk: counterKey(code, year), itemType: ITEM_TYPES.counter, code, year, lastSerial: serial },
                  ConditionExpression: serial === 1 ? 'attribute_not_exists(pk)' : 'lastSerial = :previous',
                  ...(serial === 1 ? {} : { ExpressionAttributeValues: { ':previous': serial - 1 } }),
                },
              },
              {
                Put: {
                  TableName: this.tableName,
                  Item: { pk: claimKey(code, year, serial), itemType: ITEM_TYPES.claim, documentNumber, recordId },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              {
                Update: {
                  TableName: this.tableName,
                  Key: { pk: awardKey(recordId) },
                  UpdateExpression: 'SET documentNumber = :number',
                  ConditionExpression: 'attribute_not_exists(documentNumber) AND version = :version',
                  ExpressionAttributeValues: { ':number': documentNumber, ':version': version },
                },
              },
            ],
          }),
        );
        return documentNumber;
      } catch (error) {
        // Another order took this serial, or this record got its number meanwhile: look again.
        if (!(error instanceof TransactionCanceledException)) throw storeError(`allocating ${documentNumber} to ${recordId}`, error);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
    throw new StoreError(`allocating a ${code} ${year} number to ${recordId}: still contended after ${MAX_ALLOCATION_ATTEMPTS} attempts`, true);
  }

  private async nextSerial(code: string, year: number): Promise<number> {
    try {
      const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: counterKey(code, year) }, ConsistentRead: true }));
      return ((Item?.lastSerial as number | undefined) ?? 0) + 1;
    } catch (error) {
      throw storeError(`reading the ${code} ${year} number counter`, error);
    }
  }

  async markRendered(id: string, version: number, documents: readonly DocumentRef[], renderedAt: string): Promise<'written' | 'already-rendered' | 'superseded'> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: awardKey(id) },
          UpdateExpression:
            'SET documents = list_append(if_not_exists(documents, :none), :documents), renderedVersion = :version, renderedAt = :at, renderStatus = :rendered REMOVE failureReason, failedVersion',
          ConditionExpression: '#status = :approved AND version = :version AND (attribute_not_exists(renderedVersion) OR renderedVersion < :version)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':none': [], ':documents': documents, ':version': version, ':at': renderedAt, ':rendered': 'RENDERED', ':approved': 'APPROVED' },
        }),
      );
      return 'written';
    } catch (error) {
      if (!isConditionFailure(error)) throw storeError(`writing the documents of ${id} v${version}`, error);
      const current = await this.get(id);
      if (current && (current.renderedVersion ?? 0) >= version) return 'already-rendered';
      return 'superseded';
    }
  }

  async markFailed(id: string, version: number, reason: string): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: awardKey(id) },
          UpdateExpression: 'SET renderStatus = :failed, failureReason = :reason, failedVersion = :version',
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: { ':failed': 'FAILED', ':reason': reason, ':version': version },
        }),
      );
    } catch (error) {
      // A newer version has arrived: its own change will be judged on its own.
      if (!isConditionFailure(error)) throw storeError(`marking ${id} v${version} failed`, error);
    }
  }

  async markWithdrawn(id: string, documents: readonly DocumentRef[]): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: awardKey(id) },
          UpdateExpression: 'SET documents = :documents',
          ConditionExpression: '#status = :revoked',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':documents': documents, ':revoked': 'REVOKED' },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw storeError(`marking the documents of ${id} withdrawn`, error);
    }
  }
}

import { type DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { awardKey, claimKey, counterKey, ITEM_TYPES } from '../../definitions/awardsTable.js';
import { formatDocumentNumber } from '../../core/pipeline/documentNumber.js';
import type { AwardRepository } from '../../core/pipeline/ports.js';
import type { DocumentRef, StoredAward } from '../../core/pipeline/StoredAward.js';
import { DocumentError } from '../../core/errors.js';
import { isConditionalCheckFailure, StoreError, storeError } from '../StoreError.js';

/** How often a number allocation is tried again when another order took the same serial first. */
const MAX_ALLOCATION_ATTEMPTS = 25;

export function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

const isItemTooLarge = (error: unknown) => {
  const e = error as { name?: string; message?: string };
  return e.name === 'ValidationException' && /item size/i.test(e.message ?? '');
};

/** Cancellation reasons of a transaction that another writer caused: looking again may succeed. */
const CONTENTION = new Set(['None', 'ConditionalCheckFailed', 'TransactionConflict']);

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
    return (await this.getItem(awardKey(id))) as StoredAward | undefined;
  }

  /**
   * One transaction moves the sequence's counter, claims the number, and writes it on the
   * record, each under a condition: the number is given exactly when the record gets it, so a
   * crash between steps leaves no gap and a retry finds the number already on the record.
   */
  async allocateDocumentNumber({ recordId, version, code, year }: { recordId: string; version: number; code: string; year: number }): Promise<{ documentNumber: string; allocated: boolean }> {
    for (let attempt = 1; attempt <= MAX_ALLOCATION_ATTEMPTS; attempt++) {
      const award = await this.get(recordId);
      if (award === undefined) throw new StoreError(`allocating a number: award ${recordId} does not exist`);
      if (award.status !== 'APPROVED' || award.version !== version) {
        throw new StoreError(`allocating a number: award ${recordId} changed meanwhile (now ${award.status}, version ${award.version}); its newest change decides`);
      }
      if (typeof award.documentNumber === 'string') return { documentNumber: await this.heldNumber(recordId, award.documentNumber, code, year), allocated: false };
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
                  // Not to an award revoked or corrected since it was read: that change decides.
                  ConditionExpression: 'attribute_not_exists(documentNumber) AND version = :version AND #status = :approved',
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: { ':number': documentNumber, ':version': version, ':approved': 'APPROVED' },
                },
              },
            ],
          }),
        );
        return { documentNumber, allocated: true };
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw storeError(`allocating ${documentNumber} to ${recordId}`, error);
        const reasons = (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
        if (reasons.includes('ValidationError')) {
          throw new DocumentError(`record ${recordId}: too large for the awards table (DynamoDB items hold 400 KB): split the order`, { recordId, cause: error });
        }
        if (!reasons.every((reason) => CONTENTION.has(reason))) throw storeError(`allocating ${documentNumber} to ${recordId} (${reasons.join(', ')})`, error);
        // Another order took this serial, or this award changed: look again.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
    throw new StoreError(`allocating a ${code} ${year} number to ${recordId}: still contended after ${MAX_ALLOCATION_ATTEMPTS} attempts`);
  }

  /**
   * A number already on the record stands only if this table gave it to this record; one that
   * came with the record from elsewhere would collide with the sequence, so the record is refused.
   */
  private async heldNumber(recordId: string, documentNumber: string, code: string, year: number): Promise<string> {
    const match = /〔(\d{4})〕([1-9]\d*)号$/.exec(documentNumber);
    const claim =
      match && documentNumber === formatDocumentNumber(code, Number(match[1]), Number(match[2])) && Number(match[1]) === year
        ? await this.getItem(claimKey(code, year, Number(match[2])))
        : undefined;
    if (claim?.recordId === recordId) return documentNumber;
    throw new DocumentError(
      `record ${recordId}: documentNumber: ${documentNumber} was not allocated to this record by the pipeline: remove it (numbers are allocated on approval)`,
      { recordId },
    );
  }

  private async getItem(pk: string): Promise<Record<string, unknown> | undefined> {
    try {
      return (await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk }, ConsistentRead: true }))).Item;
    } catch (error) {
      throw storeError(`reading ${pk}`, error);
    }
  }

  private async nextSerial(code: string, year: number): Promise<number> {
    const counter = await this.getItem(counterKey(code, year));
    return ((counter?.lastSerial as number | undefined) ?? 0) + 1;
  }

  async markRendered(id: string, version: number, documents: readonly DocumentRef[], renderedAt: string): Promise<'written' | 'already-rendered' | 'superseded' | 'revoked'> {
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
      if (isItemTooLarge(error)) {
        throw new DocumentError(`record ${id}: too large to hold its document references (DynamoDB items hold 400 KB): split it`, { recordId: id, cause: error });
      }
      if (!isConditionalCheckFailure(error)) throw storeError(`writing the documents of ${id} v${version}`, error);
      const current = await this.get(id);
      if (current?.status === 'REVOKED') return 'revoked';
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
          ConditionExpression: 'version = :version AND #status = :approved',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':failed': 'FAILED', ':reason': reason, ':version': version, ':approved': 'APPROVED' },
        }),
      );
    } catch (error) {
      // A newer version, or a revocation, has arrived: that change is judged on its own.
      if (!isConditionalCheckFailure(error)) throw storeError(`marking ${id} v${version} failed`, error);
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
      if (!isConditionalCheckFailure(error)) throw storeError(`marking the documents of ${id} withdrawn`, error);
    }
  }
}

import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Award } from '../../core/award/Award.js';
import { type AwardStore, MAX_CHANGES_PER_WRITE, type SequencePlace } from '../../core/award/AwardStore.js';
import { RecordFault } from '../../core/errors.js';
import { VerificationConflict, type VerifiedDocument } from '../../core/verification/VerifiedDocument.js';
import { formatDocumentNumber } from '../../core/pipeline/documentNumber.js';
import { awardKey, claimKey, counterKey } from '../../definitions/awardsTable.js';
import { isConditionalCheckFailure, storeError } from '../StoreError.js';
import { awardFromItem, itemOfAward } from './awardItem.js';
import { cancellationCodes } from './cancellationCodes.js';
import { documentClient } from './documentClient.js';
import { readItem } from './readItem.js';
import { numberGiven, numberVoided } from './sequenceItems.js';
import { verificationDescription, verificationPut } from './verificationItem.js';

const isItemTooLarge = (error: unknown) => {
  const e = error as { name?: string; message?: string };
  return e.name === 'ValidationException' && /item size/i.test(e.message ?? '');
};

const tooLarge = (id: string, cause: unknown) =>
  new RecordFault(`record ${id}: too large for the awards table (DynamoDB items hold 400 KB): split it`, {
    recordId: id,
    cause,
  });

/** The condition that a stored award is still at the revision a change was made from. */
function unchangedSince(read: Award) {
  // Items written before revisions existed (or by hand) have none: they count as revision 0.
  return read.revision === 0
    ? { ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revision)' }
    : { ConditionExpression: 'revision = :read', ExpressionAttributeValues: { ':read': read.revision } };
}

function assertNext(read: Award, next: Award): void {
  if (next.revision !== read.revision + 1 || next.record.id !== read.record.id) {
    throw new Error(
      `award ${read.record.id}: a change must lead from revision ${read.revision} to ${read.revision + 1}`,
    );
  }
}

/** Awards in the DynamoDB awards table, every change conditioned on the revision it was made from. */
export class DynamoDbAwardStore implements AwardStore {
  private readonly db: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.db = documentClient(client);
  }

  async get(id: string): Promise<Award | undefined> {
    return awardFromItem(await this.getItem(awardKey(id)));
  }

  async create(award: Award): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: this.itemOf(award),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailure(error)) return false;
      if (isItemTooLarge(error)) throw tooLarge(award.record.id, error);
      throw storeError(`storing award ${award.record.id}`, error);
    }
  }

  async save(read: Award, next: Award): Promise<'saved' | 'changed'> {
    assertNext(read, next);
    try {
      await this.db.send(
        new PutCommand({ TableName: this.tableName, Item: this.itemOf(next), ...unchangedSince(read) }),
      );
      return 'saved';
    } catch (error) {
      if (isConditionalCheckFailure(error)) return 'changed';
      if (isItemTooLarge(error)) throw tooLarge(read.record.id, error);
      throw storeError(`saving award ${read.record.id} (revision ${next.revision})`, error);
    }
  }

  /** One transaction of conditioned Puts: every award on the revision its change was made from, or none. */
  async saveAll(changes: readonly { readonly read: Award; readonly next: Award }[]): Promise<'saved' | 'changed'> {
    if (changes.length > MAX_CHANGES_PER_WRITE)
      throw new Error(`saveAll: ${changes.length} changes, more than the ${MAX_CHANGES_PER_WRITE} one write takes`);
    for (const { read, next } of changes) assertNext(read, next);
    const ids = changes.map(({ read }) => read.record.id);
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: changes.map(({ read, next }) => ({
            Put: { TableName: this.tableName, Item: this.itemOf(next), ...unchangedSince(read) },
          })),
        }),
      );
      return 'saved';
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes === undefined) throw storeError(`saving ${ids.length} awards (${ids[0]} …)`, error);
      if (codes.some((code) => code === 'ConditionalCheckFailed' || code === 'TransactionConflict')) return 'changed';
      const tooLargeAt = codes.indexOf('ValidationError');
      if (tooLargeAt >= 0) throw tooLarge(ids[tooLargeAt]!, error);
      throw storeError(`saving ${ids.length} awards (${codes.join(', ')})`, error);
    }
  }

  /**
   * One transaction saves the award on its revision and puts each document's verification item
   * (verificationPut: a free code, or the same document again): an award never lists a document
   * whose code finds nothing, and no code points at a document the award does not list.
   */
  async saveRendered(read: Award, next: Award, verified: readonly VerifiedDocument[]): Promise<'saved' | 'changed'> {
    if (verified.length === 0) return this.save(read, next);
    assertNext(read, next);
    const id = read.record.id;
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: this.itemOf(next), ...unchangedSince(read) } },
            ...verified.map((document) => ({ Put: verificationPut(this.tableName, document) })),
          ],
        }),
      );
      return 'saved';
    } catch (error) {
      const reasons = cancellationCodes(error);
      if (reasons === undefined)
        throw storeError(`saving award ${id} (revision ${next.revision}) with its verification codes`, error);
      const [award, ...codes] = reasons;
      // The award changed (or was being written at the same moment): read it again and decide afresh.
      if (award === 'ConditionalCheckFailed' || award === 'TransactionConflict') return 'changed';
      if (award === 'ValidationError') throw tooLarge(id, error);
      const refused = codes.indexOf('ConditionalCheckFailed');
      if (refused >= 0) throw new VerificationConflict(`award ${id}: ${verificationDescription(verified[refused]!)}`);
      throw storeError(`saving award ${id} with its verification codes (${[award, ...codes].join(', ')})`, error);
    }
  }

  /**
   * One transaction moves the sequence's counter to the serial, claims the number and saves the
   * award holding it, each under a condition: the number is given exactly when the award gets
   * it, so a crash between steps leaves no gap and a retry finds the number on the award.
   */
  async saveNumbered(
    read: Award,
    next: Award,
    { code, year, serial }: SequencePlace,
  ): Promise<'saved' | 'changed' | 'taken'> {
    assertNext(read, next);
    const id = read.record.id;
    const documentNumber = formatDocumentNumber(code, year, serial);
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            ...numberGiven(this.tableName, { code, year, serial }, { recordId: id }),
            { Put: { TableName: this.tableName, Item: this.itemOf(next), ...unchangedSince(read) } },
          ],
        }),
      );
      return 'saved';
    } catch (error) {
      const reasons = cancellationCodes(error);
      if (reasons === undefined) throw storeError(`giving ${documentNumber} to ${id}`, error);
      const [counter, claim, award] = reasons;
      if (award === 'ConditionalCheckFailed') return 'changed';
      if ([counter, claim, award].includes('ValidationError')) throw tooLarge(id, error);
      // Another order took this serial first, or wrote at the same moment: the caller looks again.
      if (
        [counter, claim].includes('ConditionalCheckFailed') ||
        [counter, claim, award].includes('TransactionConflict')
      )
        return 'taken';
      throw storeError(`giving ${documentNumber} to ${id} (${[counter, claim, award].join(', ')})`, error);
    }
  }

  /**
   * One transaction saves the failed award on its revision and rewrites the number's claim as
   * voided, on condition the claim is this award's: the number stays taken, with why it was void.
   */
  async saveVoiding(read: Award, next: Award, place: SequencePlace, reason: string): Promise<'saved' | 'changed'> {
    assertNext(read, next);
    const id = read.record.id;
    const documentNumber = formatDocumentNumber(place.code, place.year, place.serial);
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: this.itemOf(next), ...unchangedSince(read) } },
            { Put: numberVoided(this.tableName, place, id, { at: this.now().toISOString(), reason }) },
          ],
        }),
      );
      return 'saved';
    } catch (error) {
      const reasons = cancellationCodes(error);
      if (reasons === undefined) throw storeError(`voiding ${documentNumber} of ${id}`, error);
      const [award, claim] = reasons;
      if (award === 'ConditionalCheckFailed' || award === 'TransactionConflict') return 'changed';
      throw storeError(`voiding ${documentNumber} of ${id} (${[award, claim].join(', ')})`, error);
    }
  }

  async nextSerial(code: string, year: number): Promise<number> {
    const counter = await this.getItem(counterKey(code, year));
    return ((counter?.lastSerial as number | undefined) ?? 0) + 1;
  }

  async holderOf({ code, year, serial }: SequencePlace): Promise<string | undefined> {
    // A number held by a document that is not an award (a statistics bulletin) names its holder instead.
    const claim = await this.getItem(claimKey(code, year, serial));
    // A voided number is held by nobody: it stays taken, and is never printed.
    if (claim?.voidedAt !== undefined) return undefined;
    return (claim?.recordId ?? claim?.holder) as string | undefined;
  }

  private itemOf(award: Award) {
    return itemOfAward(award, this.now().toISOString());
  }

  private getItem(pk: string): Promise<Record<string, unknown> | undefined> {
    return readItem(this.db, this.tableName, pk);
  }
}

import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  type AwardStanding,
  type AwardStandings,
  VerificationConflict,
  type VerificationIndex,
  type VerifiedDocument,
} from '../../core/verification/VerifiedDocument.js';
import { awardKey, ITEM_TYPES, verificationKey } from '../../definitions/awardsTable.js';
import { isConditionalCheckFailure, storeError } from '../StoreError.js';
import { documentClient } from './documentClient.js';
import { verificationDescription, verificationPut, verifiedFromItem } from './verificationItem.js';

/**
 * The attributes of an award the verification page may read: whether it stands, and its version.
 * The verify function's role is limited to these (dynamodb:Attributes), so it never reads a
 * record's names, deeds or revocation reasons.
 */
export const STANDING_ATTRIBUTES = ['itemType', 'status', 'version', 'revokedAt'] as const;

/** Verification codes in the awards table: one GetItem per code, never a query or a scan. */
export class DynamoDbVerifications implements VerificationIndex, AwardStandings {
  private readonly db: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.db = documentClient(client);
  }

  async find(code: string): Promise<VerifiedDocument | undefined> {
    try {
      const { Item } = await this.db.send(
        new GetCommand({ TableName: this.tableName, Key: { pk: verificationKey(code) }, ConsistentRead: true }),
      );
      return verifiedFromItem(Item);
    } catch (error) {
      throw storeError(`reading verification code ${code}`, error);
    }
  }

  async standingOf(recordId: string): Promise<AwardStanding | undefined> {
    try {
      const { Item } = await this.db.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { pk: awardKey(recordId) },
          // Strongly consistent: a revocation shows on the page the moment it is stored.
          ConsistentRead: true,
          ProjectionExpression: STANDING_ATTRIBUTES.map((_, i) => `#a${i}`).join(', '),
          ExpressionAttributeNames: Object.fromEntries(STANDING_ATTRIBUTES.map((name, i) => [`#a${i}`, name])),
        }),
      );
      if (Item?.itemType !== ITEM_TYPES.award) return undefined;
      return {
        status: String(Item.status),
        version: typeof Item.version === 'number' ? Item.version : 1,
        ...(typeof Item.revokedAt === 'string' ? { revokedAt: Item.revokedAt } : {}),
      };
    } catch (error) {
      throw storeError(`reading how award ${recordId} stands`, error);
    }
  }

  async record(document: VerifiedDocument): Promise<void> {
    try {
      await this.db.send(new PutCommand(verificationPut(this.tableName, document)));
    } catch (error) {
      if (isConditionalCheckFailure(error)) throw new VerificationConflict(verificationDescription(document));
      throw storeError(`recording verification code ${document.code}`, error);
    }
  }
}

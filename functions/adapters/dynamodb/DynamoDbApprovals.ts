import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { awardKey } from '../../definitions/awardsTable.js';
import { recordJsonOf, storedAwardOf } from '../../core/pipeline/StoredAward.js';
import { deliverySchema } from '../../core/records/deliverySchema.js';
import { recordErrorMap } from '../../core/records/recordErrorMap.js';
import { toRecordIssues } from '../../core/records/toRecordIssues.js';
import { type AwardRecord, validateRecord } from '../../core/records/index.js';
import { numberingYear } from '../../core/pipeline/documentNumber.js';
import { isConditionalCheckFailure, storeError } from '../StoreError.js';
import { documentClient, DynamoDbAwardRepository } from './DynamoDbAwardRepository.js';

/** An approver's action that the record's current state does not allow. */
export class ApprovalError extends Error {
  override name = 'ApprovalError';
}

const KEPT_ON_CORRECTION = ['status', 'submittedAt', 'approvedAt', 'approvedBy', 'revokedAt', 'revocationReason', 'documentNumber', 'deliveries'] as const;


/**
 * What approvers and clerks do to award records, each as one conditional write: submit a
 * record, approve it (the only trigger of its documents), correct it, revoke it, record a
 * delivery in person.
 */
export class DynamoDbApprovals {
  private readonly db: DynamoDBDocumentClient;
  private readonly reader: DynamoDbAwardRepository;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.db = documentClient(client);
    this.reader = new DynamoDbAwardRepository(client, tableName);
  }

  get(id: string) {
    return this.reader.get(id);
  }

  /** Stores a new record; an id that exists already is refused, not overwritten. */
  async submit(record: AwardRecord): Promise<void> {
    try {
      await this.db.send(new PutCommand({ TableName: this.tableName, Item: storedAwardOf(record), ConditionExpression: 'attribute_not_exists(pk)' }));
    } catch (error) {
      if (isConditionalCheckFailure(error)) throw new ApprovalError(`record ${record.id} already exists: correct it instead of importing it again`);
      throw storeError(`storing record ${record.id}`, error);
    }
  }

  /** SUBMITTED → APPROVED: the change the render function acts on. */
  approve(id: string, by: string, at: Date = new Date()): Promise<void> {
    return this.transition(id, 'approve', 'SET #status = :approved, approvedAt = :at, approvedBy = :by', "#status = :submitted", {
      ':approved': 'APPROVED',
      ':submitted': 'SUBMITTED',
      ':at': at.toISOString(),
      ':by': by,
    });
  }

  /** APPROVED → REVOKED: the documents stay, marked withdrawn. */
  revoke(id: string, reason: string, at: Date = new Date()): Promise<void> {
    return this.transition(id, 'revoke', 'SET #status = :revoked, revokedAt = :at, revocationReason = :reason', '#status = :approved', {
      ':revoked': 'REVOKED',
      ':approved': 'APPROVED',
      ':at': at.toISOString(),
      ':reason': reason,
    });
  }

  /** A delivery in person (送奖上门) of an approved award: counted, and no new document. */
  deliver(id: string, delivery: { at: string; place: string; by?: string }): Promise<void> {
    const checked = deliverySchema.safeParse(delivery, { error: recordErrorMap });
    if (!checked.success) {
      return Promise.reject(new ApprovalError(`delivery of ${id}: ${toRecordIssues(checked.error.issues).map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`));
    }
    return this.transition(id, 'record a delivery of', 'SET deliveries = list_append(if_not_exists(deliveries, :none), :delivery)', '#status = :approved AND attribute_exists(recipient)', {
      ':none': [],
      ':delivery': [checked.data],
      ':approved': 'APPROVED',
    });
  }

  /**
   * Replaces a record's fields by a corrected version (version + 1). An approved record's
   * documents are then rendered again as a new version; the pipeline's own fields are kept.
   */
  async correct(record: AwardRecord): Promise<number> {
    const current = await this.get(record.id);
    if (!current) throw new ApprovalError(`record ${record.id} does not exist`);
    if (record.version !== current.version) {
      throw new ApprovalError(`record ${record.id} is at version ${current.version}, but this correction was made from version ${record.version}: start again from its current form (show)`);
    }
    if (typeof current.documentNumber === 'string' && 'issuedAt' in record) {
      const before = current as unknown as { authority: { code?: string }; issuedAt: string };
      if (record.authority.code !== before.authority.code || numberingYear(record.issuedAt) !== numberingYear(before.issuedAt)) {
        throw new ApprovalError(`record ${record.id} holds ${current.documentNumber}: a correction may not change its authority code or the year it was issued`);
      }
    }
    const version = current.version + 1;
    // Where the record stands, and its number, are not the corrector's to change.
    const kept = Object.fromEntries(KEPT_ON_CORRECTION.filter((key) => current[key] !== undefined).map((key) => [key, current[key]]));
    const fields: Record<string, unknown> = { ...recordJsonOf(record as unknown as Record<string, unknown>), ...kept, version };
    // What will be stored must itself be a valid record (a delivery recorded earlier included).
    try {
      validateRecord({ ...fields, id: record.id });
    } catch (error) {
      throw new ApprovalError((error as Error).message);
    }
    delete fields.id;
    const present = Object.entries(fields).filter(([, value]) => value !== undefined);
    const removed = Object.keys(recordJsonOf(current)).filter((key) => key !== 'id' && !present.some(([name]) => name === key));
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':previous': current.version };
    const sets = present.map(([key, value], index) => {
      names[`#f${index}`] = key;
      values[`:f${index}`] = value;
      return `#f${index} = :f${index}`;
    });
    const removes = removed.map((key, index) => {
      names[`#r${index}`] = key;
      return `#r${index}`;
    });
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: awardKey(record.id) },
          UpdateExpression: `SET ${sets.join(', ')}${removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : ''}`,
          ConditionExpression: 'version = :previous',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
      return version;
    } catch (error) {
      if (isConditionalCheckFailure(error)) throw new ApprovalError(`record ${record.id} changed while it was being corrected: try again`);
      throw storeError(`correcting record ${record.id}`, error);
    }
  }

  private async transition(id: string, action: string, update: string, condition: string, values: Record<string, unknown>): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: awardKey(id) },
          UpdateExpression: update,
          ConditionExpression: `attribute_exists(pk) AND ${condition}`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: values,
        }),
      );
    } catch (error) {
      if (!isConditionalCheckFailure(error)) throw storeError(`${action} record ${id}`, error);
      const current = await this.get(id);
      throw new ApprovalError(current ? `cannot ${action} record ${id}: it is ${current.status}` : `record ${id} does not exist`);
    }
  }
}

import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentNumberQuery } from '../../core/links/documentNumberQuery.js';
import { BadLinkRequest } from '../../core/links/linkRequest.js';
import type { AwardQueries } from '../../core/links/LinksService.js';
import type { Award } from '../../core/award/Award.js';
import { AWARDS_TABLE, awardKey, ITEM_TYPES } from '../../definitions/awardsTable.js';
import { RECORD_ID_PATTERN } from '../../core/records/constants.js';
import { storeError } from '../StoreError.js';
import { readableAward } from './awardItem.js';
import { documentClient } from './documentClient.js';
import { DynamoDbAwardStore } from './DynamoDbAwardStore.js';

const [BY_REGION] = AWARDS_TABLE.indexes;

/** Cursors are the index's last key, as base64url JSON; one that does not decode to such a key is refused. */
function decodeCursor(cursor: string | undefined, region: string): Record<string, unknown> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    // Only a key this list could have handed out: DynamoDB answers any other (an empty id) with an error.
    const ours = typeof key.id === 'string' && RECORD_ID_PATTERN.test(key.id) && key.pk === awardKey(key.id);
    if (ours && key.region === region && Object.keys(key).length === 3) return key;
  } catch {
    // Falls through to the refusal below.
  }
  throw new BadLinkRequest('cursor: not a cursor of this list');
}

/** A cursor of listAcrossRegions: the region's place in the list and the cursor within it. */
function decodeRegionsCursor(cursor: string | undefined, regions: number): { index: number; key?: string } {
  if (cursor === undefined) return { index: 0 };
  try {
    const { r, k } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { r?: unknown; k?: unknown };
    if (
      Number.isInteger(r) &&
      (r as number) >= 0 &&
      (r as number) < regions &&
      (k === undefined || typeof k === 'string')
    )
      return { index: r as number, ...(k === undefined ? {} : { key: k as string }) };
  } catch {
    // Falls through to the refusal below.
  }
  throw new BadLinkRequest('cursor: not a cursor of this list');
}

/** The links API's reads: a region's awards through the byRegion index, page by page, and one award by id. */
export class DynamoDbAwardQueries implements AwardQueries {
  private readonly db: DynamoDBDocumentClient;
  private readonly awards: DynamoDbAwardStore;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.db = documentClient(client);
    this.awards = new DynamoDbAwardStore(client, tableName);
  }

  get(id: string): Promise<Award | undefined> {
    return this.awards.get(id);
  }

  /**
   * Several regions' awards as one list, region after region in the order given; the cursor
   * says which region and where in it the next page starts.
   */
  async listAcrossRegions(
    regions: readonly string[],
    options: { status?: string; q?: string; cursor?: string; limit: number },
  ): Promise<{ items: Award[]; cursor?: string }> {
    let { index, key } = decodeRegionsCursor(options.cursor, regions.length);
    const items: Award[] = [];
    while (index < regions.length && items.length < options.limit) {
      const region = regions[index]!;
      const page = await this.listByRegion(region, {
        ...options,
        limit: options.limit - items.length,
        ...(key === undefined ? {} : { cursor: key }),
      });
      items.push(...page.items);
      if (page.cursor !== undefined) {
        key = page.cursor;
      } else {
        index++;
        key = undefined;
      }
    }
    if (index >= regions.length) return { items };
    return { items, cursor: Buffer.from(JSON.stringify({ r: index, k: key }), 'utf8').toString('base64url') };
  }

  async listByRegion(
    region: string,
    options: { status?: string; q?: string; cursor?: string; limit: number },
  ): Promise<{ items: Award[]; cursor?: string }> {
    const filters = ['itemType = :award'];
    const values: Record<string, unknown> = { ':region': region, ':award': ITEM_TYPES.award };
    const names: Record<string, string> = { '#region': BY_REGION.partitionKey.name };
    if (options.status !== undefined) {
      filters.push('#status = :status');
      names['#status'] = 'status';
      values[':status'] = options.status;
    }
    if (options.q !== undefined) {
      // Index keys cannot be filtered on, so the id is not searched; 文号 (whatever brackets were
      // typed around its year) and addressees are.
      filters.push(
        '(contains(recipient.#name, :q) OR contains(title, :q) ' +
          'OR contains(documentNumber, :number) OR contains(addressee, :q))',
      );
      names['#name'] = 'name';
      values[':q'] = options.q;
      values[':number'] = documentNumberQuery(options.q);
    }
    const start = decodeCursor(options.cursor, region);
    try {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: BY_REGION.name,
          KeyConditionExpression: '#region = :region',
          FilterExpression: filters.join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          Limit: options.limit,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      const next = page.LastEvaluatedKey;
      return {
        items: (page.Items ?? []).map(readableAward).filter((award) => award !== undefined),
        ...(next ? { cursor: Buffer.from(JSON.stringify(next), 'utf8').toString('base64url') } : {}),
      };
    } catch (error) {
      throw storeError(`listing the awards of ${region}`, error);
    }
  }
}

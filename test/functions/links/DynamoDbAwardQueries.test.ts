import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbAwardQueries } from '../../../functions/adapters/dynamodb/DynamoDbAwardQueries.js';
import { BadLinkRequest } from '../../../functions/core/links/linkRequest.js';

const ddb = mockClient(DynamoDBDocumentClient);
const queries = new DynamoDbAwardQueries(new DynamoDBClient({ region: 'cn-north-1' }), 'awards');

beforeEach(() => ddb.reset());

describe('DynamoDbAwardQueries', () => {
  it('reads a region through the byRegion index, filtered by status and search, a page at a time', async () => {
    const last = { region: '兴安盟', id: 'merit-he-jianhua', pk: 'AWARD#merit-he-jianhua' };
    const item = {
      pk: 'AWARD#merit-he-jianhua',
      itemType: 'AWARD',
      revision: 2,
      id: 'merit-he-jianhua',
      kind: 'merit',
      status: 'APPROVED',
      version: 1,
      region: '兴安盟',
    };
    ddb
      .on(QueryCommand)
      .resolvesOnce({ Items: [item], LastEvaluatedKey: last })
      .resolves({ Items: [] });
    const first = await queries.listByRegion('兴安盟', { status: 'APPROVED', q: '何', limit: 10 });
    const input = ddb.commandCalls(QueryCommand)[0]!.args[0].input;
    expect(input).toMatchObject({
      IndexName: 'byRegion',
      KeyConditionExpression: '#region = :region',
      FilterExpression:
        'itemType = :award AND #status = :status AND (contains(recipient.#name, :q) OR contains(title, :q) ' +
        'OR contains(documentNumber, :number) OR contains(addressee, :q))',
      ExpressionAttributeValues: {
        ':region': '兴安盟',
        ':award': 'AWARD',
        ':status': 'APPROVED',
        ':q': '何',
        ':number': '何',
      },
      Limit: 10,
    });
    expect(first.items).toEqual([
      {
        revision: 2,
        record: { id: 'merit-he-jianhua', kind: 'merit', status: 'APPROVED', version: 1, region: '兴安盟' },
        documents: [],
        rendering: {},
        decisions: [],
      },
    ]);
    await queries.listByRegion('兴安盟', { limit: 10, cursor: first.cursor! });
    expect(ddb.commandCalls(QueryCommand)[1]!.args[0].input.ExclusiveStartKey).toEqual(last);
  });

  it('refuses a cursor that is not one of its own, or belongs to another region', async () => {
    const other = Buffer.from(JSON.stringify({ region: '包头市', id: 'x', pk: 'AWARD#x' })).toString('base64url');
    await expect(queries.listByRegion('兴安盟', { limit: 10, cursor: 'bm90LWpzb24' })).rejects.toBeInstanceOf(
      BadLinkRequest,
    );
    await expect(queries.listByRegion('兴安盟', { limit: 10, cursor: other })).rejects.toThrow(
      'cursor: not a cursor of this list',
    );
    const cursor = (key: object) => Buffer.from(JSON.stringify(key)).toString('base64url');
    for (const key of [
      { region: '兴安盟', id: '', pk: 'AWARD#' },
      { region: '兴安盟', id: 'x', pk: 'AWARD#y' },
      { region: '兴安盟', id: 'x y', pk: 'AWARD#x y' },
    ]) {
      await expect(
        queries.listByRegion('兴安盟', { limit: 10, cursor: cursor(key) }),
        JSON.stringify(key),
      ).rejects.toThrow('cursor: not a cursor of this list');
    }
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('searches the 文号 with its year between 〔 〕 as stored, and names and titles as typed', async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });
    for (const q of [
      '内公奖(2020)1号',
      '内公奖[2020]1号',
      '内公奖（2020）1号',
      '内公奖【2020】1号',
      '内公奖〔2020〕1号',
    ]) {
      await queries.listByRegion('自治区', { q, limit: 10 });
    }
    await queries.listByRegion('自治区', { q: '（先进集体）', limit: 10 });
    const values = ddb.commandCalls(QueryCommand).map((call) => call.args[0].input.ExpressionAttributeValues);
    expect(values.slice(0, 5).map((value) => value?.[':number'])).toEqual(Array(5).fill('内公奖〔2020〕1号'));
    expect(values[0]?.[':q']).toBe('内公奖(2020)1号');
    expect(values[5]).toMatchObject({ ':q': '（先进集体）', ':number': '〔先进集体〕' });
  });
});

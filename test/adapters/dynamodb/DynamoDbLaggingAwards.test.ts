import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbLaggingAwards } from '../../../functions/adapters/dynamodb/DynamoDbLaggingAwards.js';

const ddb = mockClient(DynamoDBDocumentClient);
const lagging = new DynamoDbLaggingAwards(new DynamoDBClient({ region: 'cn-north-1' }), 'awards');

beforeEach(() => ddb.reset());

describe('DynamoDbLaggingAwards', () => {
  it('queries the byLag index for each kind of lag, changed before the time, page by page, ids only', async () => {
    const next = { pk: 'AWARD#a', lag: 'RENDER', changedAt: '2020-03-02T00:00:00.000Z' };
    ddb
      .on(QueryCommand)
      .resolvesOnce({ Items: [{ id: 'a' }], LastEvaluatedKey: next })
      .resolvesOnce({ Items: [{ id: 'b' }] })
      .resolvesOnce({ Items: [{ id: 'c' }] });
    const ids = [];
    for await (const id of lagging.idsChangedBefore(new Date('2020-03-02T01:00:00Z'))) ids.push(id);
    expect(ids).toEqual(['a', 'b', 'c']);
    const inputs = ddb.commandCalls(QueryCommand).map((call) => call.args[0].input);
    expect(inputs.map((input) => [input.ExpressionAttributeValues![':lag'], input.ExclusiveStartKey])).toEqual([
      ['RENDER', undefined],
      ['RENDER', next],
      ['WITHDRAW', undefined],
    ]);
    expect(inputs[0]).toMatchObject({
      TableName: 'awards',
      IndexName: 'byLag',
      KeyConditionExpression: '#lag = :lag AND #changedAt < :before',
      ExpressionAttributeValues: { ':before': '2020-03-02T01:00:00.000Z' },
      ProjectionExpression: '#id',
    });
  });
});

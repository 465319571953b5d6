/**
 * What DynamoDB Local's JVM spends on one request of each kind an approval makes, measured by
 * its own CPU time (/proc) over a few hundred requests in a row: the floor under the pipeline's
 * throughput on this machine, however few requests an approval is brought down to.
 */
import { DescribeTableCommand, GetItemCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import type { LocalStack } from '../../local/LocalStack.js';

export interface DynamoDbLocalCosts {
  readonly requests: number;
  /** JVM CPU ms per request, by what the request was. */
  readonly jvmCpuMsPerRequest: {
    readonly getItem: number;
    readonly transactWriteOneItem: number;
    readonly transactWriteThreeItems: number;
    readonly getRecordsEmpty: number;
  };
}

const WARM_UP = 50;

export async function measureDynamoDbLocalCosts(
  stack: LocalStack,
  awardKey: string,
  jvmCpuMs: () => number | undefined,
  requests = 300,
): Promise<DynamoDbLocalCosts | undefined> {
  const client = stack.dynamodb.client;
  const table = stack.info.tableName;
  const perRequest = async (send: (i: number) => Promise<unknown>): Promise<number | undefined> => {
    for (let i = 0; i < WARM_UP; i++) await send(requests + i);
    const before = jvmCpuMs();
    for (let i = 0; i < requests; i++) await send(i);
    const after = jvmCpuMs();
    return before === undefined || after === undefined ? undefined : (after - before) / requests;
  };
  // Items of their own, beside the awards: nothing of the pipeline reads them.
  const put = (key: string) => ({
    Put: {
      TableName: table,
      Item: { pk: { S: key }, itemType: { S: 'BENCH' } },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  });
  const getItem = await perRequest(() =>
    client.send(new GetItemCommand({ TableName: table, Key: { pk: { S: awardKey } }, ConsistentRead: true })),
  );
  const transactWriteOneItem = await perRequest((i) =>
    client.send(new TransactWriteItemsCommand({ TransactItems: [put(`BENCH#one#${i}`)] })),
  );
  const transactWriteThreeItems = await perRequest((i) =>
    client.send(new TransactWriteItemsCommand({ TransactItems: [0, 1, 2].map((k) => put(`BENCH#three#${i}#${k}`)) })),
  );
  const streamArn = (await client.send(new DescribeTableCommand({ TableName: table }))).Table?.LatestStreamArn;
  const shards = (await stack.dynamodb.streams.send(new DescribeStreamCommand({ StreamArn: streamArn })))
    .StreamDescription?.Shards;
  const shardId = shards?.at(-1)?.ShardId;
  let iterator = (
    await stack.dynamodb.streams.send(
      new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'LATEST' }),
    )
  ).ShardIterator;
  const getRecordsEmpty = await perRequest(async () => {
    const page = await stack.dynamodb.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 25 }));
    iterator = page.NextShardIterator ?? iterator;
  });
  if ([getItem, transactWriteOneItem, transactWriteThreeItems, getRecordsEmpty].includes(undefined)) return undefined;
  const round = (ms: number | undefined) => Number(ms!.toFixed(2));
  return {
    requests,
    jvmCpuMsPerRequest: {
      getItem: round(getItem),
      transactWriteOneItem: round(transactWriteOneItem),
      transactWriteThreeItems: round(transactWriteThreeItems),
      getRecordsEmpty: round(getRecordsEmpty),
    },
  };
}

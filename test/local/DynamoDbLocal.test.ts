import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand } from '@aws-sdk/client-dynamodb-streams';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AWARDS_TABLE } from '../../functions/definitions/awardsTable.js';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../local/DynamoDbLocal.js';
import { LocalStackError } from '../../local/LocalStackError.js';
import { createAwardsTable } from '../../local/createResources.js';
import { assertPortFree, freePort } from '../../local/ports.js';

describe('startDynamoDbLocal', () => {
  let dynamo: DynamoDbLocal;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    dynamo = await startDynamoDbLocal({ port });
  });
  afterAll(async () => {
    await dynamo?.stop();
  });

  it('answers on 127.0.0.1 with clients for the table and its streams', async () => {
    expect(dynamo.endpoint).toBe(`http://127.0.0.1:${port}`);
    await expect(dynamo.client.send(new DescribeTableCommand({ TableName: 'missing' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('refuses a port in use, naming the flag', async () => {
    const failure = startDynamoDbLocal({ port });
    await expect(failure).rejects.toBeInstanceOf(LocalStackError);
    await expect(failure).rejects.toThrow(`port ${port} is in use: stop what holds it or pass --dynamodb-port <port>`);
  });

  it('says how to install Java when `java` is not on the PATH', async () => {
    const emptyDirectory = mkdtempSync(join(tmpdir(), 'no-java-'));
    const path = process.env.PATH;
    process.env.PATH = emptyDirectory;
    try {
      await expect(startDynamoDbLocal({ port: await freePort() })).rejects.toThrow(
        'DynamoDB Local needs a Java runtime and `java` was not found: ' +
          'install one (Debian: apt-get install -y default-jre-headless)',
      );
    } finally {
      process.env.PATH = path;
      rmSync(emptyDirectory, { recursive: true });
    }
  });

  describe('createAwardsTable', () => {
    let streamArn: string;
    beforeAll(async () => {
      streamArn = await createAwardsTable(dynamo.client, 'awards');
    });

    it('creates the key schema, index and stream view of AWARDS_TABLE', async () => {
      const { Table } = await dynamo.client.send(new DescribeTableCommand({ TableName: 'awards' }));
      expect(Table?.TableStatus).toBe('ACTIVE');
      expect(Table?.KeySchema).toEqual([{ AttributeName: AWARDS_TABLE.partitionKey.name, KeyType: 'HASH' }]);
      expect(Table?.AttributeDefinitions).toEqual(
        expect.arrayContaining([
          { AttributeName: AWARDS_TABLE.partitionKey.name, AttributeType: AWARDS_TABLE.partitionKey.type },
          ...AWARDS_TABLE.indexes.flatMap((index) => [
            { AttributeName: index.partitionKey.name, AttributeType: index.partitionKey.type },
            { AttributeName: index.sortKey.name, AttributeType: index.sortKey.type },
          ]),
        ]),
      );
      const byName = (a: { name?: string | undefined }, b: { name?: string | undefined }) =>
        String(a.name).localeCompare(String(b.name));
      expect(
        Table?.GlobalSecondaryIndexes?.map((index) => ({
          name: index.IndexName,
          keys: index.KeySchema,
          projection: index.Projection?.ProjectionType,
        })).sort(byName),
      ).toEqual(
        [...AWARDS_TABLE.indexes].sort(byName).map((index) => ({
          name: index.name,
          keys: [
            { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
            { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
          ],
          projection: 'ALL',
        })),
      );
      expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
      expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: AWARDS_TABLE.streamView });
      expect(Table?.LatestStreamArn).toBe(streamArn);
    });

    it('returns the ARN of a stream that can be read', async () => {
      const { StreamDescription } = await dynamo.streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
      expect(StreamDescription?.StreamStatus).toBe('ENABLED');
      expect(StreamDescription?.StreamViewType).toBe(AWARDS_TABLE.streamView);
      expect(StreamDescription?.Shards?.length).toBeGreaterThan(0);
    });

    it('accepts a table that already exists and returns the same stream', async () => {
      await expect(createAwardsTable(dynamo.client, 'awards')).resolves.toBe(streamArn);
    });
  });

  // Last: it stops the shared instance (afterAll's second stop() is a no-op).
  it('frees its port when stopped, and stopping again does nothing', async () => {
    await dynamo.stop();
    await expect(assertPortFree(port, '--dynamodb-port')).resolves.toBeUndefined();
    await expect(dynamo.stop()).resolves.toBeUndefined();
  });
});

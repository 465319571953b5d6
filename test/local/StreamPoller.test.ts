import { DeleteItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ITEM_TYPES, awardKey, counterKey } from '../../functions/definitions/awardsTable.js';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../local/DynamoDbLocal.js';
import { LocalStackError } from '../../local/LocalStackError.js';
import { FileShardPositions } from '../../local/ShardPositions.js';
import { StreamPoller, type StreamPollerOptions } from '../../local/StreamPoller.js';
import { createAwardsTable } from '../../local/createResources.js';
import { freePort } from '../../local/ports.js';

let dynamo: DynamoDbLocal;
beforeAll(async () => {
  dynamo = await startDynamoDbLocal({ port: await freePort() });
});
afterAll(async () => {
  await dynamo?.stop();
});

const award = (id: string, status: string) => ({
  pk: awardKey(id),
  itemType: ITEM_TYPES.award,
  id,
  region: '150000',
  status,
});

/** A fresh table per test, so each stream holds only that test's writes. */
let tables = 0;
let poller: StreamPoller | undefined;
afterEach(async () => {
  await poller?.stop();
  poller = undefined;
});

interface Harness {
  tableName: string;
  streamArn: string;
  put(item: Record<string, unknown>): Promise<void>;
  setStatus(id: string, status: string): Promise<void>;
  remove(id: string): Promise<void>;
  /** Starts a poller with fast polling and no default dead-letter output. */
  poll(handler: StreamPollerOptions['handler'], options?: Partial<StreamPollerOptions>): StreamPoller;
}

async function harness(): Promise<Harness> {
  const tableName = `awards-${++tables}`;
  const streamArn = await createAwardsTable(dynamo.client, tableName);
  return {
    tableName,
    streamArn,
    async put(item) {
      await dynamo.client.send(new PutItemCommand({ TableName: tableName, Item: marshall(item) }));
    },
    async setStatus(id, status) {
      await dynamo.client.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: marshall({ pk: awardKey(id) }),
          UpdateExpression: 'SET #status = :status',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: marshall({ ':status': status }),
        }),
      );
    },
    async remove(id) {
      await dynamo.client.send(new DeleteItemCommand({ TableName: tableName, Key: marshall({ pk: awardKey(id) }) }));
    },
    poll(handler, options = {}) {
      poller = new StreamPoller({
        streams: dynamo.streams,
        streamArn,
        handler,
        pollIntervalMs: 10,
        onDeadLetter: () => {},
        ...options,
      });
      poller.start();
      return poller;
    },
  };
}

/** A handler that records every event it is given and answers with `respond`. */
function recordingHandler(
  respond: (event: DynamoDBStreamEvent, call: number) => DynamoDBBatchResponse | undefined = () => undefined,
) {
  const calls: DynamoDBRecord[][] = [];
  const handler = async (event: DynamoDBStreamEvent) => {
    calls.push(event.Records);
    return respond(event, calls.length);
  };
  const ids = () => calls.map((records) => records.map((record) => record.dynamodb?.NewImage?.id?.S));
  return { calls, handler, ids };
}

describe('StreamPoller', () => {
  it('keeps its place per shard once a batch is done: a new poller resumes there, a failed record first', async () => {
    const table = await harness();
    const path = join(mkdtempSync(join(tmpdir(), 'positions-')), 'render.json');
    const first = recordingHandler((event) =>
      event.Records.some((record) => record.dynamodb?.NewImage?.id?.S === 'b')
        ? {
            batchItemFailures: [
              {
                itemIdentifier: event.Records.find((r) => r.dynamodb?.NewImage?.id?.S === 'b')!.dynamodb!
                  .SequenceNumber!,
              },
            ],
          }
        : undefined,
    );
    const running = table.poll(first.handler, { positions: new FileShardPositions(path), maxRetries: 1000 });
    await table.put(award('a', 'APPROVED'));
    await table.put(award('b', 'APPROVED'));
    // Once 'b' has been given again alone, 'a' is done and checkpointed.
    while (!first.ids().some((ids) => ids.length === 1 && ids[0] === 'b')) await new Promise((r) => setTimeout(r, 20));
    await running.stop();
    poller = undefined;
    // 'a' is done; 'b' failed: the position is at 'b', not after it.
    const [position] = Object.values(JSON.parse(readFileSync(path, 'utf8')) as Record<string, { at?: string }>);
    expect(position!.at).toBeDefined();

    await table.put(award('c', 'APPROVED'));
    const second = recordingHandler();
    await table.poll(second.handler, { positions: new FileShardPositions(path) }).idle();
    expect(second.ids().flat()).toEqual(['b', 'c']);
    const [after] = Object.values(JSON.parse(readFileSync(path, 'utf8')) as Record<string, { after?: string }>);
    expect(after!.after).toBeDefined();
  });

  it('delivers INSERT and MODIFY of award items in the Lambda event shape', async () => {
    const table = await harness();
    const { calls, handler } = recordingHandler();
    const poller = table.poll(handler);
    const before = Math.floor(Date.now() / 1000);
    await table.put(award('2020-NM-0001', 'APPROVED'));
    await table.setStatus('2020-NM-0001', 'REVOKED');
    await poller.idle();

    const records = calls.flat();
    expect(records.map((record) => record.eventName)).toEqual(['INSERT', 'MODIFY']);
    const [insert, modify] = records;
    expect(insert).toStrictEqual({
      eventID: expect.any(String),
      eventName: 'INSERT',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: expect.any(String),
      dynamodb: {
        ApproximateCreationDateTime: expect.any(Number),
        Keys: { pk: { S: awardKey('2020-NM-0001') } },
        NewImage: marshall(award('2020-NM-0001', 'APPROVED')),
        SequenceNumber: expect.stringMatching(/^\d+$/),
        SizeBytes: expect.any(Number),
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN: table.streamArn,
    });
    // Seconds, not milliseconds (DynamoDB Local rounds down to the minute).
    expect(insert?.dynamodb?.ApproximateCreationDateTime).toBeGreaterThan(before - 120);
    expect(insert?.dynamodb?.ApproximateCreationDateTime).toBeLessThanOrEqual(before + 60);
    expect(modify?.dynamodb?.OldImage).toEqual(marshall(award('2020-NM-0001', 'APPROVED')));
    expect(modify?.dynamodb?.NewImage).toEqual(marshall(award('2020-NM-0001', 'REVOKED')));
    expect(BigInt(modify?.dynamodb?.SequenceNumber ?? 0)).toBeGreaterThan(
      BigInt(insert?.dynamodb?.SequenceNumber ?? 0),
    );
  });

  it('drops what the render filter rejects: counters, awards not approved or revoked, removals', async () => {
    const table = await harness();
    await table.put({ pk: counterKey('NMGA', 2020), itemType: ITEM_TYPES.counter, next: 7 });
    await table.put(award('2020-NM-0001', 'SUBMITTED'));
    await table.put(award('2020-NM-0002', 'APPROVED'));
    await table.remove('2020-NM-0002');
    const { ids, handler } = recordingHandler();
    await table.poll(handler).idle();
    expect(ids()).toEqual([['2020-NM-0002']]);
  });

  it('hands records over in order, in batches of at most batchSize', async () => {
    const table = await harness();
    for (const n of [1, 2, 3, 4, 5]) await table.put(award(`2020-NM-000${n}`, 'APPROVED'));
    const { ids, handler } = recordingHandler();
    await table.poll(handler, { batchSize: 2 }).idle();
    expect(ids()).toEqual([['2020-NM-0001', '2020-NM-0002'], ['2020-NM-0003', '2020-NM-0004'], ['2020-NM-0005']]);
  });

  it('retries from the record a partial batch response names, without the records before it', async () => {
    const table = await harness();
    for (const n of [1, 2, 3]) await table.put(award(`2020-NM-000${n}`, 'APPROVED'));
    const { ids, handler } = recordingHandler((event, call) =>
      call === 1
        ? { batchItemFailures: [{ itemIdentifier: event.Records[1]?.dynamodb?.SequenceNumber ?? '' }] }
        : undefined,
    );
    await table.poll(handler).idle();
    expect(ids()).toEqual([
      ['2020-NM-0001', '2020-NM-0002', '2020-NM-0003'],
      ['2020-NM-0002', '2020-NM-0003'],
    ]);
  });

  it('retries the whole batch after the handler throws', async () => {
    const table = await harness();
    for (const n of [1, 2]) await table.put(award(`2020-NM-000${n}`, 'APPROVED'));
    const { ids, handler } = recordingHandler((_, call) => {
      if (call === 1) throw new Error('S3 is briefly unavailable');
    });
    await table.poll(handler).idle();
    expect(ids()).toEqual([
      ['2020-NM-0001', '2020-NM-0002'],
      ['2020-NM-0001', '2020-NM-0002'],
    ]);
  });

  it('dead-letters a record reported failed on every try after maxRetries, and goes on', async () => {
    const table = await harness();
    for (const n of [1, 2, 3]) await table.put(award(`2020-NM-000${n}`, 'APPROVED'));
    const { ids, handler } = recordingHandler((event) => {
      const poison = event.Records.find((record) => record.dynamodb?.NewImage?.id?.S === '2020-NM-0002');
      return poison === undefined
        ? undefined
        : { batchItemFailures: [{ itemIdentifier: poison.dynamodb?.SequenceNumber ?? '' }] };
    });
    const deadLetters: { id: string | undefined; error: unknown }[] = [];
    const onDeadLetter = (record: DynamoDBRecord, error: unknown) =>
      deadLetters.push({ id: record.dynamodb?.NewImage?.id?.S, error });
    await table.poll(handler, { maxRetries: 2, onDeadLetter }).idle();

    expect(ids()).toEqual([
      ['2020-NM-0001', '2020-NM-0002', '2020-NM-0003'],
      ['2020-NM-0002', '2020-NM-0003'],
      ['2020-NM-0002', '2020-NM-0003'],
      ['2020-NM-0003'],
    ]);
    expect(deadLetters).toEqual([{ id: '2020-NM-0002', error: expect.any(Error) }]);
  });

  it('isolates a record the handler throws on by bisecting, dead-letters it alone, and delivers the rest', async () => {
    const table = await harness();
    for (const n of [1, 2, 3, 4]) await table.put(award(`2020-NM-000${n}`, 'APPROVED'));
    const { ids, handler } = recordingHandler((event) => {
      if (event.Records.some((record) => record.dynamodb?.NewImage?.id?.S === '2020-NM-0003'))
        throw new Error('cannot render 2020-NM-0003');
    });
    const deadLetters: (string | undefined)[] = [];
    await table
      .poll(handler, { maxRetries: 1, onDeadLetter: (record) => deadLetters.push(record.dynamodb?.NewImage?.id?.S) })
      .idle();

    expect(deadLetters).toEqual(['2020-NM-0003']);
    const all = ['2020-NM-0001', '2020-NM-0002', '2020-NM-0003', '2020-NM-0004'];
    expect(ids()).toEqual([
      all,
      all,
      ['2020-NM-0001', '2020-NM-0002'],
      ['2020-NM-0003', '2020-NM-0004'],
      ['2020-NM-0003'],
      ['2020-NM-0004'],
    ]);
  });

  it('prints a dead-lettered record as one JSON line on stderr by default', async () => {
    const table = await harness();
    await table.put(award('2020-NM-0001', 'APPROVED'));
    const lines: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string) => lines.push(chunk) > 0) as typeof process.stderr.write;
    try {
      await table
        .poll(
          async () => {
            throw new Error('template missing');
          },
          { maxRetries: 0, onDeadLetter: undefined },
        )
        .idle();
    } finally {
      process.stderr.write = write;
    }
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      message: 'stream record dead-lettered after its retries',
      eventSourceARN: table.streamArn,
      eventName: 'INSERT',
      keys: { pk: { S: awardKey('2020-NM-0001') } },
      error: 'Error: template missing',
    });
  });

  it('idle() waits for records written after it was called, and rejects before start()', async () => {
    const table = await harness();
    const { ids, handler } = recordingHandler();
    const stopped = new StreamPoller({ streams: dynamo.streams, streamArn: table.streamArn, handler });
    await expect(stopped.idle()).rejects.toBeInstanceOf(LocalStackError);

    const poller = table.poll(handler);
    await poller.idle();
    expect(ids()).toEqual([]);
    await table.put(award('2020-NM-0001', 'APPROVED'));
    await poller.idle();
    expect(ids()).toEqual([['2020-NM-0001']]);
  });

  it('starts after the existing records with LATEST, and resumes where it stopped after stop()', async () => {
    const table = await harness();
    await table.put(award('2020-NM-0001', 'APPROVED'));
    const { ids, handler } = recordingHandler();
    const poller = table.poll(handler, { startingPosition: 'LATEST' });
    await poller.idle();
    await table.put(award('2020-NM-0002', 'APPROVED'));
    await poller.idle();
    await poller.stop();
    await table.put(award('2020-NM-0003', 'APPROVED'));
    poller.start();
    await poller.idle();
    expect(ids()).toEqual([['2020-NM-0002'], ['2020-NM-0003']]);
  });
});

import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  InternalServerError,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { StreamPoller } from '../../local/StreamPoller.js';

// Shard rollover and iterator expiry do not happen in DynamoDB Local's single long-lived shard,
// so these cases run against a scripted streams API.
const STREAM_ARN = 'arn:aws:dynamodb:ddblocal:000000000000:table/awards/stream/2026-01-01T00:00:00.000';

const approved = (sequenceNumber: string): _Record => ({
  eventID: `e${sequenceNumber}`,
  eventName: 'INSERT',
  awsRegion: 'ddblocal',
  dynamodb: {
    Keys: { pk: { S: `AWARD#${sequenceNumber}` } },
    NewImage: { pk: { S: `AWARD#${sequenceNumber}` }, itemType: { S: 'AWARD' }, status: { S: 'APPROVED' } },
    SequenceNumber: sequenceNumber,
    SizeBytes: 10,
    StreamViewType: 'NEW_AND_OLD_IMAGES',
  },
});

/** Runs a poller until idle; returns the sequence numbers handed to the handler and the errors reported. */
async function pollUntilIdle(client: DynamoDBStreamsClient): Promise<{ delivered: string[]; errors: unknown[] }> {
  const delivered: string[] = [];
  const errors: unknown[] = [];
  const handler = async (event: DynamoDBStreamEvent) => {
    delivered.push(...event.Records.map((record) => record.dynamodb?.SequenceNumber ?? ''));
  };
  const poller = new StreamPoller({
    streams: client,
    streamArn: STREAM_ARN,
    handler,
    pollIntervalMs: 5,
    onError: (error) => errors.push(error),
  });
  poller.start();
  try {
    await poller.idle();
  } finally {
    await poller.stop();
  }
  return { delivered, errors };
}

describe('StreamPoller across shards', () => {
  it('reads a closed parent shard to its end before its child, resuming after the last record on expiry', async () => {
    const client = new DynamoDBStreamsClient({
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const streams = mockClient(client);
    streams.on(DescribeStreamCommand).resolves({
      StreamDescription: {
        Shards: [
          { ShardId: 'child', ParentShardId: 'parent', SequenceNumberRange: { StartingSequenceNumber: '3' } },
          { ShardId: 'parent', SequenceNumberRange: { StartingSequenceNumber: '1', EndingSequenceNumber: '2' } },
        ],
      },
    });
    streams
      .on(GetShardIteratorCommand, { ShardId: 'parent', ShardIteratorType: 'TRIM_HORIZON' })
      .resolves({ ShardIterator: 'parent-1' });
    streams
      .on(GetShardIteratorCommand, {
        ShardId: 'parent',
        ShardIteratorType: 'AFTER_SEQUENCE_NUMBER',
        SequenceNumber: '1',
      })
      .resolves({ ShardIterator: 'parent-3' });
    streams
      .on(GetShardIteratorCommand, { ShardId: 'child', ShardIteratorType: 'TRIM_HORIZON' })
      .resolves({ ShardIterator: 'child-1' });
    streams
      .on(GetRecordsCommand, { ShardIterator: 'parent-1' })
      .resolves({ Records: [approved('1')], NextShardIterator: 'parent-2' });
    streams
      .on(GetRecordsCommand, { ShardIterator: 'parent-2' })
      .rejects(new ExpiredIteratorException({ message: 'Iterator expired', $metadata: {} }));
    // No next iterator: the shard is closed and this was its last record.
    streams.on(GetRecordsCommand, { ShardIterator: 'parent-3' }).resolves({ Records: [approved('2')] });
    streams
      .on(GetRecordsCommand, { ShardIterator: 'child-1' })
      .resolves({ Records: [approved('3')], NextShardIterator: 'child-2' });
    streams.on(GetRecordsCommand, { ShardIterator: 'child-2' }).resolves({ Records: [], NextShardIterator: 'child-2' });

    const { delivered, errors } = await pollUntilIdle(client);
    expect(errors).toEqual([]);
    expect(delivered).toEqual(['1', '2', '3']);
    expect(streams.commandCalls(GetRecordsCommand).map((call) => call.args[0].input.ShardIterator)).toEqual([
      'parent-1',
      'parent-2',
      'parent-3',
      'child-1',
      'child-2',
    ]);
  });

  it('reports a failed read to onError and tries again', async () => {
    const client = new DynamoDBStreamsClient({
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const streams = mockClient(client);
    streams.on(DescribeStreamCommand).resolves({ StreamDescription: { Shards: [{ ShardId: 'only' }] } });
    streams.on(GetShardIteratorCommand).resolves({ ShardIterator: 'only-1' });
    streams
      .on(GetRecordsCommand, { ShardIterator: 'only-1' })
      .rejectsOnce(new InternalServerError({ message: 'try again', $metadata: {} }))
      .resolves({ Records: [approved('1')], NextShardIterator: 'only-2' });
    streams.on(GetRecordsCommand, { ShardIterator: 'only-2' }).resolves({ Records: [], NextShardIterator: 'only-2' });

    const { delivered, errors } = await pollUntilIdle(client);
    expect(errors).toEqual([expect.objectContaining({ name: 'InternalServerError' })]);
    expect(delivered).toEqual(['1']);
  });
});

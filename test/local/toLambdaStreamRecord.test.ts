import type { _Record } from '@aws-sdk/client-dynamodb-streams';
import { describe, expect, it } from 'vitest';
import { toLambdaStreamRecord } from '../../local/toLambdaStreamRecord.js';

const STREAM_ARN = 'arn:aws:dynamodb:ddblocal:000000000000:table/awards/stream/2026-01-01T00:00:00.000';

function sdkRecord(overrides: Partial<_Record> = {}): _Record {
  return {
    eventID: 'e1',
    eventName: 'MODIFY',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'ddblocal',
    dynamodb: {
      ApproximateCreationDateTime: new Date('2026-01-02T03:04:05.678Z'),
      Keys: { pk: { S: 'AWARD#1' } },
      NewImage: { pk: { S: 'AWARD#1' }, status: { S: 'APPROVED' } },
      OldImage: { pk: { S: 'AWARD#1' }, status: { S: 'SUBMITTED' } },
      SequenceNumber: '000000000000000000007',
      SizeBytes: 42,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    ...overrides,
  };
}

describe('toLambdaStreamRecord', () => {
  it('gives the record the shape Lambda delivers', () => {
    expect(toLambdaStreamRecord(sdkRecord(), STREAM_ARN)).toStrictEqual({
      eventID: 'e1',
      eventName: 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'ddblocal',
      dynamodb: {
        ApproximateCreationDateTime: 1767323045,
        Keys: { pk: { S: 'AWARD#1' } },
        NewImage: { pk: { S: 'AWARD#1' }, status: { S: 'APPROVED' } },
        OldImage: { pk: { S: 'AWARD#1' }, status: { S: 'SUBMITTED' } },
        SequenceNumber: '000000000000000000007',
        SizeBytes: 42,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN: STREAM_ARN,
    });
  });

  it('writes binary attributes as base64, also inside maps, lists and sets', () => {
    const bytes = new Uint8Array([0, 1, 254, 255]);
    const record = toLambdaStreamRecord(
      sdkRecord({
        dynamodb: {
          NewImage: {
            seal: { B: bytes },
            seals: { BS: [bytes] },
            nested: {
              M: { list: { L: [{ B: bytes }, { N: '1.5' }, { NULL: true }, { BOOL: false }, { SS: ['a'] }] } },
            },
          },
        },
      }),
      STREAM_ARN,
    );
    expect(record.dynamodb?.NewImage).toStrictEqual({
      seal: { B: 'AAH+/w==' },
      seals: { BS: ['AAH+/w=='] },
      nested: { M: { list: { L: [{ B: 'AAH+/w==' }, { N: '1.5' }, { NULL: true }, { BOOL: false }, { SS: ['a'] }] } } },
    });
  });

  it('leaves out the images a REMOVE or a KEYS_ONLY stream does not have', () => {
    const record = toLambdaStreamRecord(
      sdkRecord({
        eventName: 'REMOVE',
        dynamodb: { Keys: { pk: { S: 'AWARD#1' } }, SequenceNumber: '1', SizeBytes: 9, StreamViewType: 'KEYS_ONLY' },
      }),
      STREAM_ARN,
    );
    expect(Object.keys(record.dynamodb ?? {})).toEqual(['Keys', 'SequenceNumber', 'SizeBytes', 'StreamViewType']);
  });

  it('keeps the identity of a deletion by TTL, as Lambda does', () => {
    const record = toLambdaStreamRecord(
      sdkRecord({ eventName: 'REMOVE', userIdentity: { Type: 'Service', PrincipalId: 'dynamodb.amazonaws.com' } }),
      STREAM_ARN,
    );
    expect(record.userIdentity).toEqual({ type: 'Service', principalId: 'dynamodb.amazonaws.com' });
  });
});

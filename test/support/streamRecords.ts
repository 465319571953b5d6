import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue as LambdaAttributeValue, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

let sequence = 100;

/** A DynamoDB stream record as Lambda delivers it, for an item's new (and optional old) image. */
export function streamRecord(
  newItem: Record<string, unknown>,
  options: { oldItem?: Record<string, unknown>; eventName?: 'INSERT' | 'MODIFY' | 'REMOVE' } = {},
): DynamoDBRecord {
  const image = (item: Record<string, unknown>) =>
    marshall(item, { removeUndefinedValues: true }) as Record<string, LambdaAttributeValue>;
  sequence += 1;
  return {
    eventID: `event-${sequence}`,
    eventName: options.eventName ?? (options.oldItem ? 'MODIFY' : 'INSERT'),
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'cn-north-1',
    eventSourceARN: 'arn:aws:dynamodb:cn-north-1:123456789012:table/awards/stream/2020-02-05T00:00:00.000',
    dynamodb: {
      Keys: { pk: { S: String(newItem.pk) } },
      NewImage: image(newItem),
      ...(options.oldItem ? { OldImage: image(options.oldItem) } : {}),
      SequenceNumber: String(sequence).padStart(21, '0'),
      SizeBytes: 100,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
      ApproximateCreationDateTime: 1580860800,
    },
  };
}

export function streamEvent(...records: DynamoDBRecord[]): DynamoDBStreamEvent {
  return { Records: records };
}

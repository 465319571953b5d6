import type { _Record, AttributeValue as SdkAttributeValue } from '@aws-sdk/client-dynamodb-streams';
import type { AttributeValue, DynamoDBRecord, StreamRecord } from 'aws-lambda';

type Image = Record<string, AttributeValue>;

/**
 * A stream record as the SDK returns it, reshaped into what Lambda delivers to a handler:
 * `eventSourceARN` added, the creation time in epoch seconds rather than a Date, and binary
 * attributes base64 strings rather than bytes (the JSON of the Lambda payload).
 */
export function toLambdaStreamRecord(record: _Record, eventSourceARN: string): DynamoDBRecord {
  const change = record.dynamodb ?? {};
  const dynamodb: StreamRecord = {
    ...(change.ApproximateCreationDateTime === undefined
      ? {}
      : { ApproximateCreationDateTime: Math.floor(change.ApproximateCreationDateTime.getTime() / 1000) }),
    ...(change.Keys === undefined ? {} : { Keys: toImage(change.Keys) }),
    ...(change.NewImage === undefined ? {} : { NewImage: toImage(change.NewImage) }),
    ...(change.OldImage === undefined ? {} : { OldImage: toImage(change.OldImage) }),
    SequenceNumber: change.SequenceNumber,
    SizeBytes: change.SizeBytes,
    StreamViewType: change.StreamViewType,
  };
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: record.awsRegion,
    dynamodb,
    eventSourceARN,
    // Present only on deletions made by TTL, as in Lambda's events.
    ...(record.userIdentity === undefined
      ? {}
      : { userIdentity: { type: record.userIdentity.Type, principalId: record.userIdentity.PrincipalId } }),
  };
}

function toImage(image: Record<string, SdkAttributeValue>): Image {
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, toAttributeValue(value)]));
}

function toAttributeValue(value: SdkAttributeValue): AttributeValue {
  if (value.B !== undefined) return { B: base64(value.B) };
  if (value.BS !== undefined) return { BS: value.BS.map(base64) };
  if (value.L !== undefined) return { L: value.L.map(toAttributeValue) };
  if (value.M !== undefined) return { M: toImage(value.M) };
  // S, N, SS, NS, BOOL and NULL have the same JSON form in both.
  return value as AttributeValue;
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

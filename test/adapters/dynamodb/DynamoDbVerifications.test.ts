import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbVerifications } from '../../../functions/adapters/dynamodb/DynamoDbVerifications.js';
import { VerificationConflict, type VerifiedDocument } from '../../../functions/core/verification/VerifiedDocument.js';

const ddb = mockClient(DynamoDBDocumentClient);
const verifications = new DynamoDbVerifications(new DynamoDBClient({ region: 'cn-north-1' }), 'awards');
const bulletin: VerifiedDocument = {
  code: 'AAAAA-BBBBB-CCCCC-DDDDD',
  holder: 'bulletin/2020-03-05T00:00:00Z',
  kind: 'statistics-bulletin',
  version: 1,
  sha256: 'd'.repeat(64),
  title: '统计通报',
  authority: '内蒙古自治区公安厅',
  issuedAt: '2020-03-05T00:00:00Z',
  documentNumber: '内公奖〔2020〕13号',
  recipient: '各盟市公安局，厅机关各部门',
};

beforeEach(() => ddb.reset());

describe('DynamoDbVerifications', () => {
  it('finds a code by its key alone, and nothing under a key of another type', async () => {
    ddb
      .on(GetCommand)
      .resolvesOnce({ Item: { ...bulletin, pk: 'VERIFY#AAAAA-BBBBB-CCCCC-DDDDD', itemType: 'VERIFICATION' } })
      .resolvesOnce({ Item: { pk: 'VERIFY#x', itemType: 'AWARD' } })
      .resolvesOnce({});
    expect(await verifications.find(bulletin.code)).toEqual(bulletin);
    expect(await verifications.find('x')).toBeUndefined();
    expect(await verifications.find('y')).toBeUndefined();
    expect(ddb.commandCalls(GetCommand)[0]!.args[0].input).toEqual({
      TableName: 'awards',
      Key: { pk: 'VERIFY#AAAAA-BBBBB-CCCCC-DDDDD' },
      ConsistentRead: true,
    });
  });

  it('reads of an award only whether it stands, strongly consistent', async () => {
    ddb.on(GetCommand).resolves({
      Item: { itemType: 'AWARD', status: 'REVOKED', version: 2, revokedAt: '2020-03-01T01:00:00Z' },
    });
    expect(await verifications.standingOf('merit-he-xia')).toEqual({
      status: 'REVOKED',
      version: 2,
      revokedAt: '2020-03-01T01:00:00Z',
    });
    const input = ddb.commandCalls(GetCommand)[0]!.args[0].input;
    expect(input).toMatchObject({ Key: { pk: 'AWARD#merit-he-xia' }, ConsistentRead: true });
    expect(Object.values(input.ExpressionAttributeNames!).sort()).toEqual([
      'itemType',
      'revokedAt',
      'status',
      'version',
    ]);
    expect(input.ProjectionExpression).toBe('#a0, #a1, #a2, #a3');
  });

  it('records a bulletin’s code under its holder, never over another document’s', async () => {
    ddb.on(PutCommand).resolvesOnce({});
    await verifications.record(bulletin);
    expect(ddb.commandCalls(PutCommand)[0]!.args[0].input).toMatchObject({
      Item: { pk: 'VERIFY#AAAAA-BBBBB-CCCCC-DDDDD', itemType: 'VERIFICATION', holder: bulletin.holder },
      ExpressionAttributeNames: { '#owner': 'holder' },
      ExpressionAttributeValues: { ':owner': bulletin.holder, ':sha256': 'd'.repeat(64) },
    });
    ddb
      .on(PutCommand)
      .rejects(Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' }));
    await expect(verifications.record(bulletin)).rejects.toBeInstanceOf(VerificationConflict);
  });
});

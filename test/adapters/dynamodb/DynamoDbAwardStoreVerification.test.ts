import { decider, CLERK } from '../../support/deciders.js';
import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbAwardStore } from '../../../functions/adapters/dynamodb/DynamoDbAwardStore.js';
import { StoreError } from '../../../functions/adapters/StoreError.js';
import { approve, submit } from '../../../functions/core/award/awardTransitions.js';
import { recordRendered } from '../../../functions/core/award/renderTransitions.js';
import { VerificationConflict, type VerifiedDocument } from '../../../functions/core/verification/VerifiedDocument.js';
import { exampleJson } from '../../support/examples.js';

const ddb = mockClient(DynamoDBDocumentClient);
const store = new DynamoDbAwardStore(new DynamoDBClient({ region: 'cn-north-1' }), 'awards');
const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

const approved = approve(submit(exampleJson('merit-he-xia'), CLERK), {
  by: decider('审核专班'),
  at: new Date('2020-02-05T02:00:00Z'),
});
const ref = {
  kind: 'certificate',
  version: 1,
  key: 'awards/merit-he-xia/certificate-v1.pdf',
  sha256: 'c'.repeat(64),
  pages: 1,
  bytes: 1000,
  renderedAt: '2020-02-05T02:00:01Z',
  verificationCode: 'AAAAA-BBBBB-CCCCC-DDDDD',
};
const rendered = recordRendered(approved, [ref], ref.renderedAt);
const verified: VerifiedDocument = {
  code: 'AAAAA-BBBBB-CCCCC-DDDDD',
  recordId: 'merit-he-xia',
  kind: 'certificate',
  version: 1,
  sha256: 'c'.repeat(64),
  title: '荣誉证书',
  authority: '内蒙古自治区公安厅',
  issuedAt: '2020-02-05T10:00:00+08:00',
  recipient: '贺*',
};

beforeEach(() => ddb.reset());

describe('DynamoDbAwardStore.saveRendered', () => {
  it('writes the award on its revision and each verification item, in one transaction', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    expect(await store.saveRendered(approved, rendered, [verified])).toBe('saved');
    const [award, code] = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(award!.Put).toMatchObject({
      TableName: 'awards',
      ConditionExpression: 'revision = :read',
      ExpressionAttributeValues: { ':read': approved.revision },
      Item: { pk: 'AWARD#merit-he-xia', revision: approved.revision + 1, documents: [ref] },
    });
    expect(code!.Put).toEqual({
      TableName: 'awards',
      Item: { ...verified, pk: 'VERIFY#AAAAA-BBBBB-CCCCC-DDDDD', itemType: 'VERIFICATION' },
      // A free code, or this very document again (a redelivery): never re-pointed.
      ConditionExpression:
        'attribute_not_exists(pk) OR (#owner = :owner AND #kind = :kind AND #version = :version AND sha256 = :sha256)',
      ExpressionAttributeNames: { '#owner': 'recordId', '#kind': 'kind', '#version': 'version' },
      ExpressionAttributeValues: {
        ':owner': 'merit-he-xia',
        ':kind': 'certificate',
        ':version': 1,
        ':sha256': 'c'.repeat(64),
      },
    });
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('answers "changed" when the award moved, and refuses to re-point a code that points elsewhere', async () => {
    ddb
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled('ConditionalCheckFailed', 'None'))
      .rejectsOnce(cancelled('TransactionConflict', 'None'))
      .rejectsOnce(cancelled('None', 'ConditionalCheckFailed'))
      .rejectsOnce(cancelled('None', 'TransactionConflict'));
    expect(await store.saveRendered(approved, rendered, [verified])).toBe('changed');
    expect(await store.saveRendered(approved, rendered, [verified])).toBe('changed');
    const conflict = store.saveRendered(approved, rendered, [verified]);
    await expect(conflict).rejects.toBeInstanceOf(VerificationConflict);
    await expect(conflict).rejects.toThrow('verification code AAAAA-BBBBB-CCCCC-DDDDD (merit-he-xia certificate v1)');
    await expect(store.saveRendered(approved, rendered, [verified])).rejects.toBeInstanceOf(StoreError);
  });

  it('saves as before, one conditioned Put, when there are no codes to store', async () => {
    ddb.on(PutCommand).resolves({});
    expect(await store.saveRendered(approved, rendered, [])).toBe('saved');
    expect(ddb.commandCalls(PutCommand)[0]!.args[0].input.ConditionExpression).toBe('revision = :read');
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });
});

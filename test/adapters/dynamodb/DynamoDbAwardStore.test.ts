import { decider, CLERK } from '../../support/deciders.js';
import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbAwardStore } from '../../../functions/adapters/dynamodb/DynamoDbAwardStore.js';
import { StoreError } from '../../../functions/adapters/StoreError.js';
import { type Award, awardOfRecord } from '../../../functions/core/award/Award.js';
import { approve, submit } from '../../../functions/core/award/awardTransitions.js';
import { assignNumber } from '../../../functions/core/award/renderTransitions.js';
import { RecordFault } from '../../../functions/core/errors.js';
import { exampleJson } from '../../support/examples.js';

const ddb = mockClient(DynamoDBDocumentClient);
const store = new DynamoDbAwardStore(new DynamoDBClient({ region: 'cn-north-1' }), 'awards');
const AT = new Date('2020-03-02T09:00:00+08:00');
const conditionFailed = () =>
  Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });
const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

const submitted = submit(exampleJson('merit-zhang-peng'), CLERK);
const approved = approve(submitted, { by: decider('审核专班'), at: AT });

beforeEach(() => ddb.reset());

describe('DynamoDbAwardStore', () => {
  it('creates an award only where none is, as one item with its key, type and revision', async () => {
    ddb.on(PutCommand).resolves({});
    expect(await store.create(submitted)).toBe(true);
    const input = ddb.commandCalls(PutCommand)[0]!.args[0].input;
    expect(input.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(input.Item).toMatchObject({
      pk: 'AWARD#merit-zhang-peng',
      itemType: 'AWARD',
      revision: 1,
      id: 'merit-zhang-peng',
      status: 'SUBMITTED',
    });
    ddb.on(PutCommand).rejects(conditionFailed());
    expect(await store.create(submitted)).toBe(false);
  });

  it('saves a change on the condition that the award is still at the revision it was made from', async () => {
    ddb.on(PutCommand).resolves({});
    expect(await store.save(submitted, approved)).toBe('saved');
    const input = ddb.commandCalls(PutCommand)[0]!.args[0].input;
    expect(input).toMatchObject({
      TableName: 'awards',
      ConditionExpression: 'revision = :read',
      ExpressionAttributeValues: { ':read': 1 },
    });
    expect(input.Item).toMatchObject({ revision: 2, status: 'APPROVED', approvedBy: '审核专班' });
  });

  it('answers "changed", writing nothing more, when another change got there first', async () => {
    ddb.on(PutCommand).rejects(conditionFailed());
    expect(await store.save(submitted, approved)).toBe('changed');
    expect(ddb.commandCalls(PutCommand)).toHaveLength(1);
  });

  it('guards a pre-revision award by the revision’s absence, and never creates one by saving', async () => {
    ddb.on(PutCommand).resolves({});
    const legacy: Award = awardOfRecord({ ...exampleJson('merit-zhang-peng'), status: 'SUBMITTED' }, 0);
    await store.save(legacy, approve(legacy, { by: decider('审核专班'), at: AT }));
    expect(ddb.commandCalls(PutCommand)[0]!.args[0].input.ConditionExpression).toBe(
      'attribute_exists(pk) AND attribute_not_exists(revision)',
    );
  });

  it('refuses a change that does not lead to the next revision of the same award', async () => {
    await expect(store.save(approved, approved)).rejects.toThrow('a change must lead from revision 2 to 3');
    expect(ddb.calls()).toHaveLength(0);
  });

  it('turns throttling into a StoreError (retried) and an oversized item into the record’s fault', async () => {
    ddb
      .on(PutCommand)
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ProvisionedThroughputExceededException' }));
    await expect(store.save(submitted, approved)).rejects.toBeInstanceOf(StoreError);
    ddb
      .on(PutCommand)
      .rejects(
        Object.assign(new Error('Item size has exceeded the maximum allowed size'), { name: 'ValidationException' }),
      );
    await expect(store.save(submitted, approved)).rejects.toBeInstanceOf(RecordFault);
  });

  it('numbers an award in one transaction: counter, claim and the award on its revision', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    const numbered = assignNumber(approved, '内公奖〔2020〕5号');
    expect(await store.saveNumbered(approved, numbered, { code: '内公奖', year: 2020, serial: 5 })).toBe('saved');
    const [counter, claim, award] = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(counter!.Put).toMatchObject({
      Item: { pk: 'COUNTER#内公奖#2020', lastSerial: 5 },
      ConditionExpression: 'lastSerial = :previous',
      ExpressionAttributeValues: { ':previous': 4 },
    });
    expect(claim!.Put).toMatchObject({
      Item: { pk: 'NUMBER#内公奖#2020#5', recordId: 'merit-zhang-peng' },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    expect(award!.Put).toMatchObject({
      ConditionExpression: 'revision = :read',
      ExpressionAttributeValues: { ':read': 2 },
      Item: { documentNumber: '内公奖〔2020〕5号', revision: 3 },
    });
  });

  it('tells a serial taken by another order from an award changed meanwhile', async () => {
    const numbered = assignNumber(approved, '内公奖〔2020〕1号');
    const place = { code: '内公奖', year: 2020, serial: 1 };
    ddb
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled('ConditionalCheckFailed', 'None', 'None'))
      .rejectsOnce(cancelled('None', 'None', 'ConditionalCheckFailed'))
      .rejectsOnce(cancelled('TransactionConflict', 'None', 'None'))
      .rejectsOnce(cancelled('None', 'None', 'ValidationError'));
    expect(await store.saveNumbered(approved, numbered, place)).toBe('taken');
    expect(await store.saveNumbered(approved, numbered, place)).toBe('changed');
    expect(await store.saveNumbered(approved, numbered, place)).toBe('taken');
    await expect(store.saveNumbered(approved, numbered, place)).rejects.toBeInstanceOf(RecordFault);
    const first = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems![0]!;
    expect(first.Put!.ConditionExpression).toBe('attribute_not_exists(pk)');
  });

  it('saves a list of changes in one transaction, each on its revision, or answers "changed"', async () => {
    const other = submit({ ...exampleJson('merit-zhang-peng'), id: 'merit-other' }, CLERK);
    const changes = [
      { read: submitted, next: approved },
      { read: other, next: approve(other, { by: decider('审核专班'), at: AT }) },
    ];
    ddb.on(TransactWriteCommand).resolvesOnce({}).rejectsOnce(cancelled('None', 'ConditionalCheckFailed'));
    expect(await store.saveAll(changes)).toBe('saved');
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items.map((item) => [item.Put!.Item!.id, item.Put!.Item!.status, item.Put!.ConditionExpression])).toEqual([
      ['merit-zhang-peng', 'APPROVED', 'revision = :read'],
      ['merit-other', 'APPROVED', 'revision = :read'],
    ]);
    expect(await store.saveAll(changes)).toBe('changed');
    const tooMany = Array.from({ length: 101 }, () => changes[0]!);
    await expect(store.saveAll(tooMany)).rejects.toThrow('more than the 100 one write takes');
  });

  it('reads awards strongly consistent, as the core knows them', async () => {
    ddb.on(GetCommand).resolves({
      Item: {
        pk: 'AWARD#merit-zhang-peng',
        itemType: 'AWARD',
        revision: 4,
        ...approved.record,
        renderedVersion: 1,
        renderedAt: 't',
        renderStatus: 'RENDERED',
      },
    });
    const award = await store.get('merit-zhang-peng');
    expect(ddb.commandCalls(GetCommand)[0]!.args[0].input).toEqual({
      TableName: 'awards',
      Key: { pk: 'AWARD#merit-zhang-peng' },
      ConsistentRead: true,
    });
    expect(award).toEqual({
      revision: 4,
      record: approved.record,
      documents: [],
      rendering: { renderedVersion: 1, renderedAt: 't' },
      decisions: [],
    });
  });
});

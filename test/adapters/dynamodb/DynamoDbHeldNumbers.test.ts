import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbAwardStore } from '../../../functions/adapters/dynamodb/DynamoDbAwardStore.js';
import { DynamoDbHeldNumbers } from '../../../functions/adapters/dynamodb/DynamoDbHeldNumbers.js';
import { StoreError } from '../../../functions/adapters/StoreError.js';

const ddb = mockClient(DynamoDBDocumentClient);
const numbers = new DynamoDbHeldNumbers(new DynamoDBClient({ region: 'cn-north-1' }), 'awards');
const HOLDER = 'bulletin/2020-03-05T00:00:00Z';
const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });
const transactItems = (call = 0) => ddb.commandCalls(TransactWriteCommand)[call]!.args[0].input.TransactItems!;

beforeEach(() => ddb.reset());

describe('DynamoDbHeldNumbers', () => {
  it('gives a number in one transaction: counter on the serial before, claim and holder’s item unwritten', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    expect(await numbers.give(HOLDER, { code: '内公奖', year: 2020, serial: 13 })).toBe('given');
    const [counter, claim, held, ...more] = transactItems();
    expect(more).toEqual([]);
    expect(counter!.Put).toEqual({
      TableName: 'awards',
      Item: { pk: 'COUNTER#内公奖#2020', itemType: 'NUMBER_COUNTER', code: '内公奖', year: 2020, lastSerial: 13 },
      ConditionExpression: 'lastSerial = :previous',
      ExpressionAttributeValues: { ':previous': 12 },
    });
    expect(claim!.Put).toEqual({
      TableName: 'awards',
      Item: {
        pk: 'NUMBER#内公奖#2020#13',
        itemType: 'NUMBER_CLAIM',
        documentNumber: '内公奖〔2020〕13号',
        holder: HOLDER,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    expect(held!.Put).toEqual({
      TableName: 'awards',
      Item: {
        pk: `HELD#${HOLDER}`,
        itemType: 'HELD_NUMBER',
        holder: HOLDER,
        documentNumber: '内公奖〔2020〕13号',
        code: '内公奖',
        year: 2020,
        serial: 13,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  });

  it('starts a sequence only where it has no counter yet', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    await numbers.give(HOLDER, { code: '内公奖', year: 2021, serial: 1 });
    const [counter] = transactItems();
    expect(counter!.Put!.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(counter!.Put!.ExpressionAttributeValues).toBeUndefined();
  });

  it('tells a holder numbered meanwhile from a serial taken by another document; fails on the rest', async () => {
    const place = { code: '内公奖', year: 2020, serial: 2 };
    ddb
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled('ConditionalCheckFailed', 'ConditionalCheckFailed', 'ConditionalCheckFailed'))
      .rejectsOnce(cancelled('ConditionalCheckFailed', 'None', 'None'))
      .rejectsOnce(cancelled('None', 'ConditionalCheckFailed', 'None'))
      .rejectsOnce(cancelled('None', 'TransactionConflict', 'None'))
      .rejectsOnce(cancelled('None', 'None', 'ValidationError'))
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ProvisionedThroughputExceededException' }));
    expect(await numbers.give(HOLDER, place)).toBe('held');
    expect(await numbers.give(HOLDER, place)).toBe('taken');
    expect(await numbers.give(HOLDER, place)).toBe('taken');
    expect(await numbers.give(HOLDER, place)).toBe('taken');
    await expect(numbers.give(HOLDER, place)).rejects.toThrow(
      new StoreError(
        `giving 内公奖〔2020〕2号 to ${HOLDER} (None, None, ValidationError): TransactionCanceledException: ` +
          'Transaction cancelled',
      ),
    );
    await expect(numbers.give(HOLDER, place)).rejects.toBeInstanceOf(StoreError);
  });

  it('reads a holder’s number and a sequence’s next serial strongly consistent', async () => {
    ddb
      .on(GetCommand)
      .resolves({})
      .on(GetCommand, { Key: { pk: `HELD#${HOLDER}` } })
      .resolves({ Item: { pk: `HELD#${HOLDER}`, documentNumber: '内公奖〔2020〕13号' } })
      .on(GetCommand, { Key: { pk: 'COUNTER#内公奖#2020' } })
      .resolves({ Item: { pk: 'COUNTER#内公奖#2020', lastSerial: 13 } });
    expect(await numbers.numberOf(HOLDER)).toBe('内公奖〔2020〕13号');
    expect(await numbers.numberOf('bulletin/2020-03-06T00:00:00Z')).toBeUndefined();
    expect(await numbers.nextSerial('内公奖', 2020)).toBe(14);
    expect(await numbers.nextSerial('内公奖', 2021)).toBe(1);
    for (const call of ddb.commandCalls(GetCommand)) expect(call.args[0].input.ConsistentRead).toBe(true);
  });

  it('shows the award store who holds a bulletin’s number, so no record can pass it off as its own', async () => {
    ddb.on(GetCommand).resolves({ Item: { pk: 'NUMBER#内公奖#2020#13', holder: HOLDER } });
    const store = new DynamoDbAwardStore(new DynamoDBClient({ region: 'cn-north-1' }), 'awards');
    expect(await store.holderOf({ code: '内公奖', year: 2020, serial: 13 })).toBe(HOLDER);
  });
});

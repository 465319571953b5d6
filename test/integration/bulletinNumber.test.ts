import { decider } from '../support/deciders.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../functions/adapters/dynamodb/documentClient.js';
import { S3BulletinArchive } from '../../functions/adapters/s3/S3BulletinArchive.js';
import { DocumentEngine } from '../../functions/core/engine/DocumentEngine.js';
import { compileKeptBulletin } from '../../functions/core/statistics/compileKeptBulletin.js';
import { bulletinKey } from '../../functions/definitions/documentsBucket.js';
import { type LocalStack, startLocalStack } from '../../local/LocalStack.js';
import { freePort } from '../../local/ports.js';
import { waitForSettled } from '../../local/waitForSettled.js';
import { exampleJson } from '../support/examples.js';
import { meetingAtGive } from '../support/meetingAtGive.js';
import { pausedAfterRead } from '../support/pausedAfterRead.js';
import { pdfText } from '../support/poppler.js';

const AUTHORITY = { name: '内蒙古自治区公安厅', code: '内公奖' };
/** Two scheduled cut-offs, 8 o'clock Beijing time on 5 and 6 March 2020. */
const FIRST = '2020-03-05T00:00:00Z';
const SECOND = '2020-03-06T00:00:00Z';
const THIRD = '2020-03-07T00:00:00Z';

let stack: LocalStack;
let archive: S3BulletinArchive;
const deps = () => ({
  figures: stack.statistics,
  archive,
  engine: DocumentEngine.shared(),
  numbers: stack.numbers,
  authority: AUTHORITY,
});

/** The numbering items of the table, as [pk, who holds it or the last serial] pairs. */
async function numberingItems(): Promise<[string, unknown][]> {
  const { Items = [] } = await documentClient(stack.dynamodb.client).send(
    new ScanCommand({ TableName: stack.info.tableName, ConsistentRead: true }),
  );
  return Items.filter((item) => !(item.pk as string).startsWith('AWARD#') && !(item.pk as string).startsWith('STATS#'))
    .filter((item) => !(item.pk as string).startsWith('APPLIED#') && !(item.pk as string).startsWith('VERIFY#'))
    .map((item): [string, unknown] => [
      item.pk as string,
      item.lastSerial ?? item.recordId ?? item.holder ?? item.documentNumber,
    ])
    .sort(([a], [b]) => a.localeCompare(b));
}

async function pdfHead(cutoff: string): Promise<string[]> {
  const object = await stack.s3.client.send(
    new GetObjectCommand({ Bucket: stack.info.bucket, Key: bulletinKey(cutoff, 'pdf') }),
  );
  return pdfText(await object.Body!.transformToByteArray())
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 2);
}

beforeAll(async () => {
  stack = await startLocalStack({
    dynamodbPort: await freePort(),
    s3Port: await freePort(),
    dataDir: mkdtempSync(join(tmpdir(), 'awards-bulletin-number-')),
    inMemory: true,
    tableName: 'awards-bulletin-number',
    bucket: 'documents-bulletin-number',
    logLevel: 'SILENT',
    authority: AUTHORITY,
  });
  archive = new S3BulletinArchive(stack.s3.client, stack.info.bucket);
});
afterAll(async () => {
  await stack?.stop();
});

describe('the statistics bulletin’s 文号 against DynamoDB Local', () => {
  it('is one number when two compilations of one cut-off race, both having read that it has none', async () => {
    const numbers = meetingAtGive(stack.numbers, 2);
    const [a, b] = await Promise.all([
      compileKeptBulletin(FIRST, { ...deps(), numbers }),
      compileKeptBulletin(FIRST, { ...deps(), numbers }),
    ]);
    expect(numbers.gives).toEqual(['bulletin/2020-03-05T00:00:00Z 1', 'bulletin/2020-03-05T00:00:00Z 1']);
    expect(a.documentNumber).toBe('内公奖〔2020〕1号');
    expect(b.documentNumber).toBe('内公奖〔2020〕1号');
    expect(await numberingItems()).toEqual([
      ['COUNTER#内公奖#2020', 1],
      ['HELD#bulletin/2020-03-05T00:00:00Z', 'bulletin/2020-03-05T00:00:00Z'],
      ['NUMBER#内公奖#2020#1', 'bulletin/2020-03-05T00:00:00Z'],
    ]);
    expect(await pdfHead(FIRST)).toEqual(['内蒙古自治区公安厅', '内公奖〔2020〕1号']);
    // The archive gives the number back with the figures, and a later run finds the bulletin as it is.
    expect((await archive.get(FIRST))?.documentNumber).toBe('内公奖〔2020〕1号');
    // Listed for the links API with its OFD beside the PDF.
    expect(await archive.list()).toContainEqual({
      cutoff: FIRST,
      key: 'bulletins/20200305T000000Z.pdf',
      ofdKey: 'bulletins/20200305T000000Z.ofd',
    });
    expect(await compileKeptBulletin(FIRST, deps())).toMatchObject({
      documentNumber: '内公奖〔2020〕1号',
      compiled: false,
    });
  });

  it('is the number the first run took when a run stopped between numbering and storing is retried', async () => {
    const crashing = {
      get: (cutoff: string) => archive.get(cutoff),
      latestBefore: (cutoff: string) => archive.latestBefore(cutoff),
      put: async () => {
        throw new Error('Task timed out after 60.00 seconds');
      },
    };
    await expect(compileKeptBulletin(SECOND, { ...deps(), archive: crashing })).rejects.toThrow('Task timed out');
    expect(await archive.get(SECOND)).toBeUndefined();
    const retried = await compileKeptBulletin(SECOND, deps());
    expect(retried).toMatchObject({ documentNumber: '内公奖〔2020〕2号', compiled: true });
    expect(retried.figures.since).toBe(FIRST);
    expect(await pdfHead(SECOND)).toEqual(['内蒙古自治区公安厅', '内公奖〔2020〕2号']);
    expect((await numberingItems()).filter(([pk]) => pk.startsWith('COUNTER#'))).toEqual([['COUNTER#内公奖#2020', 2]]);
  });

  it('shares the sequence with the praise bulletins: one approved next gets the next serial', async () => {
    await stack.approvals.submit(
      { ...exampleJson('praise-bulletin-2020-18'), id: 'praise-after-bulletins' },
      decider('录入员'),
    );
    await stack.approvals.approve('praise-after-bulletins', decider('审核专班'));
    const settled = await waitForSettled(stack.awards, ['praise-after-bulletins'], { timeoutMs: 60_000 });
    expect(settled.get('praise-after-bulletins')!.record.documentNumber).toBe('内公奖〔2020〕3号');
    expect(await numberingItems()).toEqual([
      ['COUNTER#内公奖#2020', 3],
      ['HELD#bulletin/2020-03-05T00:00:00Z', 'bulletin/2020-03-05T00:00:00Z'],
      ['HELD#bulletin/2020-03-06T00:00:00Z', 'bulletin/2020-03-06T00:00:00Z'],
      ['NUMBER#内公奖#2020#1', 'bulletin/2020-03-05T00:00:00Z'],
      ['NUMBER#内公奖#2020#2', 'bulletin/2020-03-06T00:00:00Z'],
      ['NUMBER#内公奖#2020#3', 'praise-after-bulletins'],
    ]);
    // A record may not pass a bulletin's number off as its own: the claim names the bulletin.
    expect(await stack.awards.holderOf({ code: '内公奖', year: 2020, serial: 2 })).toBe(
      'bulletin/2020-03-06T00:00:00Z',
    );
  });

  it('is one number when a run read that the cut-off had none just before another run numbered it', async () => {
    const late = pausedAfterRead(stack.numbers);
    const first = compileKeptBulletin(THIRD, { ...deps(), numbers: late.numbers });
    await late.hasRead;
    const second = await compileKeptBulletin(THIRD, deps());
    late.resume();
    expect(second.documentNumber).toBe('内公奖〔2020〕4号');
    // The late run finds serial 5 free, but the cut-off numbered: it takes no second number.
    expect((await first).documentNumber).toBe('内公奖〔2020〕4号');
    expect((await numberingItems()).filter(([pk]) => pk.startsWith('COUNTER#'))).toEqual([['COUNTER#内公奖#2020', 4]]);
  });
});

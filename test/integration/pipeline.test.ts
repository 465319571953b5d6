import { issuedRecords } from '../../functions/core/statistics/issuedRecords.js';
import { AwardWorkflow } from '../../functions/core/award/AwardWorkflow.js';
import { UndrawableAward } from '../../functions/core/award/AwardRefusal.js';
import { decider, CLERK } from '../support/deciders.js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, type S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBBatchResponse } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedItem } from '../support/storedItem.js';
import { documentClient } from '../../functions/adapters/dynamodb/documentClient.js';
import { type Award, awardOfRecord } from '../../functions/core/award/Award.js';
import { submit } from '../../functions/core/award/awardTransitions.js';
import { type AwardRecord, LEAGUES_AND_CITIES } from '../../functions/core/records/index.js';
import { REGION_SCOPE } from '../../functions/core/statistics/changeDelta.js';
import { compileFigures } from '../../functions/core/statistics/compileFigures.js';
import { figuresOfCounters } from '../../functions/core/statistics/counters.js';
import { compileKeptBulletin } from '../../functions/core/statistics/compileKeptBulletin.js';
import { summarySentence } from '../../functions/core/statistics/summarySentence.js';
import { S3BulletinArchive } from '../../functions/adapters/s3/S3BulletinArchive.js';
import { DocumentEngine } from '../../functions/core/engine/DocumentEngine.js';
import { bulletinKey } from '../../functions/definitions/documentsBucket.js';
import { pdfText, toTempFile } from '../support/poppler.js';
import { type LocalStack, startLocalStack } from '../../local/LocalStack.js';
import { freePort } from '../../local/ports.js';
import { waitForSettled } from '../../local/waitForSettled.js';
import { exampleJson } from '../support/examples.js';

const APPROVER = '审核专班';

/** Counts the PutObject calls per key, and fails chosen keys' first attempts with a 500. */
function instrumentS3(failFirstPutOf: ReadonlySet<string> = new Set()) {
  const puts = new Map<string, number>();
  const configure = (client: S3Client) => {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'PutObjectCommand') {
          const key = (args.input as { Key: string }).Key;
          const attempt = (puts.get(key) ?? 0) + 1;
          puts.set(key, attempt);
          if (attempt === 1 && failFirstPutOf.has(key)) {
            throw new S3ServiceException({
              name: 'InternalError',
              $fault: 'server',
              $metadata: { httpStatusCode: 500 },
              message: 'injected failure',
            });
          }
        }
        return next(args);
      },
      { step: 'initialize', name: 'countPuts' },
    );
  };
  return { puts, configure };
}

/**
 * Every stream batch reaches the handler twice, as a redelivery would. (Lambda never runs two
 * batches of one shard at once, so the second comes after the first.)
 */
const deliverTwice =
  (handler: (event: never, context?: never) => Promise<DynamoDBBatchResponse>) =>
  async (event: never, context?: never) => {
    const first = await handler(event, context);
    const second = await handler(event, context);
    const failed = new Set([...first.batchItemFailures, ...second.batchItemFailures].map((f) => f.itemIdentifier));
    return { batchItemFailures: [...failed].map((itemIdentifier) => ({ itemIdentifier })) };
  };

/** Each stack keeps its S3 files in a folder of its own, removed with it. */
const dataDir = () => mkdtempSync(join(tmpdir(), 'awards-stack-'));

async function startStack(configureS3: (client: S3Client) => void, twice: boolean): Promise<LocalStack> {
  return startLocalStack({
    dynamodbPort: await freePort(),
    s3Port: await freePort(),
    dataDir: dataDir(),
    tableName: 'awards-it',
    bucket: 'documents-it',
    logLevel: 'SILENT',
    configureS3,
    ...(twice ? { wrapHandler: deliverTwice as never, wrapStatisticsHandler: deliverTwice as never } : {}),
  });
}

const TEMPLATES = [
  'merit-zhang-peng',
  'commendation-ce-ren',
  'honorary-title-he-jianhua',
  'telegram-sympathy-sun-dejian',
  'merit-wulanchabu-hubei-escort-team',
];

function submittedRecord(index: number, template: string, changes: Record<string, unknown> = {}): AwardRecord {
  return submit({ ...exampleJson(template), id: `it-${String(index).padStart(4, '0')}`, ...changes }, CLERK)
    .record as unknown as AwardRecord;
}

async function listKeys(stack: LocalStack): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await stack.s3.client.send(
      new ListObjectsV2Command({ Bucket: stack.info.bucket, Prefix: 'awards/', ContinuationToken: token }),
    );
    keys.push(...(page.Contents ?? []).map((object) => object.Key!));
    token = page.NextContinuationToken;
  } while (token);
  return keys.sort();
}

describe('the pipeline against DynamoDB Local and the local S3 server', () => {
  const s3 = instrumentS3();
  let stack: LocalStack;
  const valid: AwardRecord[] = [];
  const invalidIds: { id: string; reason: string }[] = [];
  const voidedIds: string[] = [];
  const corrected: string[] = [];
  const revoked: string[] = [];
  let settled: Map<string, Award>;

  beforeAll(async () => {
    stack = await startStack(s3.configure, true);
    // 500 records: 440 awards and telegrams, 30 orders and 10 praise bulletins to be numbered, 20 invalid.
    for (let i = 0; i < 440; i++) valid.push(submittedRecord(i, TEMPLATES[i % TEMPLATES.length]!));
    for (let i = 440; i < 470; i++) valid.push(submittedRecord(i, 'commendation-order-2020-12'));
    for (let i = 470; i < 480; i++) valid.push(submittedRecord(i, 'praise-bulletin-2020-18'));
    for (const record of valid) await stack.approvals.submit(record, decider('录入员'));
    // Invalid records come from another system, past validation: stored raw.
    const db = documentClient(stack.dynamodb.client);
    const zhang = exampleJson('merit-zhang-peng') as { recipient: Record<string, unknown> };
    for (let i = 480; i < 500; i++) {
      const id = `it-${i}`;
      const broken = i < 490 ? { grade: 9 } : { recipient: { ...zhang.recipient, name: '张𠈌' } };
      const {
        approvedAt: _a,
        approvedBy: _b,
        ...json
      } = { ...zhang, ...broken, id, status: 'SUBMITTED' } as Record<string, unknown>;
      await db.send(new PutCommand({ TableName: stack.info.tableName, Item: storedItem(awardOfRecord(json)) }));
      invalidIds.push({
        id,
        reason: i < 490 ? 'grade: must be 1, 2 or 3' : 'no configured font can draw "𠈌" (U+2020C)',
      });
    }
    // Two orders whose title no font can draw: each is numbered, fails at its one render, and
    // gives its number up as voided (作废), so the sequence stays gap-free.
    const { documentNumber: _given, ...order } = exampleJson('commendation-order-2020-12');
    for (const id of ['it-void-1', 'it-void-2']) {
      const raw = { ...order, id, status: 'SUBMITTED', title: '关于表彰𠈌同志的命令' };
      await db.send(new PutCommand({ TableName: stack.info.tableName, Item: storedItem(awardOfRecord(raw)) }));
      invalidIds.push({ id, reason: 'no configured font can draw "𠈌" (U+2020C)' });
      voidedIds.push(id);
    }
    const all = [...valid.map((r) => r.id), ...invalidIds.map((r) => r.id)];
    for (const { id } of valid) await stack.approvals.approve(id, decider(APPROVER));
    // The approvers' workflow draws drafts first and refuses these; records approved past it (by
    // another system writing the table) are what the pipeline must mark FAILED.
    await expect(stack.approvals.approve(invalidIds[0]!.id, decider(APPROVER))).rejects.toBeInstanceOf(UndrawableAward);
    const unchecked = new AwardWorkflow(stack.awards);
    for (const { id } of invalidIds) await unchecked.approve(id, decider(APPROVER));
    await waitForSettled(stack.awards, all, { timeoutMs: 240_000 });
    // Five corrections of approved certificates: each gets a second document version.
    for (const record of valid.filter((r) => r.kind === 'merit').slice(0, 5)) {
      await stack.approvals.correct(
        { ...record, deed: `${(record as { deed: string }).deed}（更正）` },
        decider('录入员'),
      );
      corrected.push(record.id);
    }
    // Five revocations of approved commendations: documents stay, withdrawn; the figures drop them.
    for (const record of valid.filter((r) => r.kind === 'commendation').slice(0, 5)) {
      await stack.approvals.revoke(record.id, '核查不实', decider('审核专班'));
      revoked.push(record.id);
    }
    settled = await waitForSettled(stack.awards, all, { timeoutMs: 60_000 });
    await stack.poller.idle();
    await stack.statisticsPoller.idle();
    for (const id of revoked) settled.set(id, (await stack.awards.get(id))!);
  }, 400_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('gives every valid record exactly its documents, a corrected one a second version beside the first', async () => {
    const expectedKeys: string[] = [];
    for (const record of valid) {
      const item = settled.get(record.id)!;
      const kind =
        record.kind === 'commendation-order'
          ? 'commendation-order'
          : record.kind === 'praise-bulletin'
            ? 'praise-bulletin'
            : record.kind === 'telegram'
              ? 'telegram'
              : 'certificate';
      const versions = corrected.includes(record.id) ? [1, 2] : [1];
      expect(item.rendering, record.id).toEqual({ renderedVersion: versions.at(-1), renderedAt: expect.any(String) });
      expect(
        item.documents.map((d) => [d.kind, d.version, d.key]),
        record.id,
      ).toEqual(versions.map((version) => [kind, version, `awards/${record.id}/${kind}-v${version}.pdf`]));
      // The OFD of each version beside its PDF.
      expect(item.documents.map((d) => d.ofd?.key)).toEqual(
        versions.map((version) => `awards/${record.id}/${kind}-v${version}.ofd`),
      );
      expectedKeys.push(...item.documents.flatMap((d) => [d.key, d.ofd!.key]));
    }
    expect(await listKeys(stack)).toEqual(expectedKeys.sort());
  });

  it('stores documents signed with the stack’s development key, made under its data directory', async () => {
    const record = valid.find((r) => r.kind === 'merit')!;
    const ref = settled.get(record.id)!.documents[0]!;
    const object = await stack.s3.client.send(new GetObjectCommand({ Bucket: stack.info.bucket, Key: ref.key }));
    const bytes = await object.Body!.transformToByteArray();
    const report = execFileSync('pdfsig', [toTempFile(bytes)], { encoding: 'utf8' });
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Total document signed');
    // Signed by the record's own authority: its name is the signer's, as on the seal.
    const { name } = settled.get(record.id)!.record.authority as { name: string };
    expect(report).toContain(`Signer Certificate Common Name: ${name}`);
  });

  it('numbers the orders and bulletins 1…42 in one gap-free sequence, each number once, two voided', async () => {
    const numbered = valid.filter((r) => r.kind === 'commendation-order' || r.kind === 'praise-bulletin');
    const numbers = numbered.map((record) => settled.get(record.id)!.record.documentNumber as string);
    expect(new Set(numbers).size).toBe(numbered.length);
    const serialOf = (n: string) => Number(/^内公奖〔2020〕(\d+)号$/.exec(n)![1]);
    const db = documentClient(stack.dynamodb.client);
    const claims = [];
    for (let serial = 1; serial <= numbered.length + voidedIds.length + 1; serial++) {
      const key = { pk: `NUMBER#内公奖#2020#${serial}` };
      claims.push((await db.send(new GetCommand({ TableName: stack.info.tableName, Key: key }))).Item);
    }
    // Every serial up to 42 is claimed, none beyond: the two unrenderable orders' are voided, with why.
    expect(claims.at(-1)).toBeUndefined();
    const voided = claims.filter((claim) => claim?.voidedAt !== undefined);
    expect(voided.map((claim) => claim!.recordId).sort()).toEqual(voidedIds);
    for (const claim of voided) expect(claim!.voidReason).toContain('U+2020C');
    const serials = [...numbers.map(serialOf), ...voided.map((claim) => serialOf(claim!.documentNumber))];
    expect(serials.sort((a, b) => a - b)).toEqual(Array.from({ length: serials.length }, (_, i) => i + 1));
    for (const id of voidedIds) {
      expect(settled.get(id)!.record.documentNumber, id).toBeUndefined();
      expect(settled.get(id)!.rendering.failure?.reason, id).toMatch(/\(文号 内公奖〔2020〕\d+号 作废\)$/);
    }
  });

  it('keeps the documents of revoked awards, withdrawn', () => {
    for (const id of revoked) {
      const item = settled.get(id)!;
      expect(item.record.status, id).toBe('REVOKED');
      expect(item.documents.length, id).toBeGreaterThan(0);
      expect(
        item.documents.every((d) => d.withdrawn),
        id,
      ).toBe(true);
    }
  });

  it('leaves invalid records failed with their reasons and no documents', () => {
    for (const { id, reason } of invalidIds) {
      const item = settled.get(id)!;
      expect(item.rendering.failure?.version, id).toBe(1);
      expect(item.rendering.failure?.reason, id).toContain(reason);
      expect(item.documents, id).toEqual([]);
    }
  });

  it('keeps the bulletin figures equal to a full recount, though every change was delivered twice', async () => {
    // Every approved award that is a valid record counts, except one whose documents could not be
    // drawn (ten certificates and the two orders whose number was voided): nothing was issued.
    const records = issuedRecords(settled.values());
    expect(records.length).toBe(valid.length);
    const recount = compileFigures(records, '2100-01-01T00:00:00Z');
    const kept = await stack.statistics.read([REGION_SCOPE, ...LEAGUES_AND_CITIES]);
    expect(figuresOfCounters(kept.get(REGION_SCOPE) ?? {})).toEqual(recount.region);
    for (const league of LEAGUES_AND_CITIES)
      expect(figuresOfCounters(kept.get(league) ?? {}), league).toEqual(recount.byLeague[league]);
    expect(recount.region.merit.total).toBeGreaterThan(0);
  });

  it('compiles the scheduled bulletin from 13 kept counters, once per cut-off', async () => {
    const reads: number[] = [];
    const figures = {
      read: (scopes: readonly string[]) => {
        reads.push(scopes.length);
        return stack.statistics.read(scopes);
      },
    };
    const deps = {
      figures,
      archive: new S3BulletinArchive(stack.s3.client, stack.info.bucket),
      engine: DocumentEngine.shared(),
      numbers: stack.numbers,
      authority: { name: '内蒙古自治区公安厅', code: '内公奖' },
    };
    const cutoff = '2100-01-01T00:00:00Z';
    const first = await compileKeptBulletin(cutoff, deps);
    expect(first.compiled).toBe(true);
    expect(reads).toEqual([1 + LEAGUES_AND_CITIES.length]);
    // The first bulletin of 2100 in the 内公奖 sequence (the awards' numbers are of 2020).
    expect(first.documentNumber).toBe('内公奖〔2100〕1号');
    const again = await compileKeptBulletin(cutoff, deps);
    expect(again).toEqual({
      figures: JSON.parse(JSON.stringify(first.figures)),
      documentNumber: '内公奖〔2100〕1号',
      compiled: false,
    });
    expect(reads).toHaveLength(1);
    const later = await compileKeptBulletin('2100-01-02T00:00:00Z', deps);
    expect(later.figures.since).toBe(cutoff);
    expect(later.figures.period.merit.total).toBe(0);
    expect(later.documentNumber).toBe('内公奖〔2100〕2号');
    const pdf = await stack.s3.client.send(
      new GetObjectCommand({ Bucket: stack.info.bucket, Key: bulletinKey(cutoff, 'pdf') }),
    );
    expect(pdfText(await pdf.Body!.transformToByteArray()).replace(/\s+/g, '')).toContain(
      summarySentence(first.figures.region),
    );
  });

  it('wrote no object twice, though every batch was delivered twice', () => {
    const documents = [...s3.puts].filter(([key]) => key.startsWith('awards/'));
    for (const format of ['.pdf', '.ofd'])
      expect(
        documents.filter(([key]) => key.endsWith(format)),
        format,
      ).toHaveLength(valid.length + corrected.length);
    expect(documents).toHaveLength(2 * (valid.length + corrected.length));
    for (const [key, count] of documents) expect(count, key).toBe(1);
  });
});

/**
 * Fails the first write-back (the award's Put that stores document references, alone or first in
 * the transaction that also stores their verification codes) of chosen awards.
 */
function failFirstWriteBack(ids: ReadonlySet<string>) {
  const seen = new Set<string>();
  type Item = { pk?: string | { S?: string }; renderStatus?: string | { S?: string } };
  const configure = (client: DynamoDBClient) => {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        // The document client's commands reach this stack before their items are marshalled.
        const input = args.input as { Item?: Item; TransactItems?: { Put?: { Item?: Item } }[] };
        const item = input.Item ?? input.TransactItems?.[0]?.Put?.Item;
        const pk = item?.pk;
        const id = (typeof pk === 'string' ? pk : pk?.S)?.replace(/^AWARD#/, '');
        const status = item?.renderStatus;
        const writeBack = (typeof status === 'string' ? status : status?.S) === 'RENDERED';
        const put = ['PutCommand', 'PutItemCommand', 'TransactWriteCommand', 'TransactWriteItemsCommand'].includes(
          context.commandName ?? '',
        );
        if (put && id && ids.has(id) && writeBack && !seen.has(id)) {
          seen.add(id);
          throw Object.assign(new Error('injected throttling'), {
            name: 'ProvisionedThroughputExceededException',
            $metadata: { httpStatusCode: 400 },
          });
        }
        return next(args);
      },
      { step: 'initialize', name: 'failWriteBack' },
    );
  };
  return { configure, failed: seen };
}

describe('storage failures in part of a batch', () => {
  it('retries only the records whose documents failed to store, and loses nothing', async () => {
    const records = Array.from({ length: 30 }, (_, i) => submittedRecord(1000 + i, TEMPLATES[i % TEMPLATES.length]!));
    const keyOf = (r: AwardRecord) => `awards/${r.id}/${r.kind === 'telegram' ? 'telegram' : 'certificate'}-v1.pdf`;
    const failing = new Set(records.filter((_, i) => i % 7 === 3).map(keyOf));
    // Others store their PDF, then fail to write it back: the retry must not store it again.
    const writeBackFailing = records.filter((_, i) => i % 7 === 5);
    const s3 = instrumentS3(failing);
    const writeBacks = failFirstWriteBack(new Set(writeBackFailing.map((r) => r.id)));
    const deadLetters: string[] = [];
    const stack = await startLocalStack({
      dynamodbPort: await freePort(),
      s3Port: await freePort(),
      dataDir: dataDir(),
      tableName: 'awards-failures',
      logLevel: 'SILENT',
      configureS3: s3.configure,
      configureDynamoDb: writeBacks.configure,
      onDeadLetter: (record) => deadLetters.push(record.dynamodb!.SequenceNumber!),
    });
    try {
      for (const record of records) await stack.approvals.submit(record, decider('录入员'));
      for (const record of records) await stack.approvals.approve(record.id, decider(APPROVER));
      const settled = await waitForSettled(
        stack.awards,
        records.map((r) => r.id),
        { timeoutMs: 60_000 },
      );
      for (const record of records) expect(settled.get(record.id)!.rendering.renderedVersion, record.id).toBe(1);
      for (const [key, attempts] of s3.puts) expect(attempts, key).toBe(failing.has(key) ? 2 : 1);
      expect(writeBacks.failed.size).toBe(writeBackFailing.length);
      for (const record of writeBackFailing) expect(s3.puts.get(keyOf(record)), record.id).toBe(1);
      expect([...s3.puts.keys()].filter((key) => failing.has(key))).toHaveLength(failing.size);
      expect(deadLetters).toEqual([]);
      // A PDF and an OFD for each record.
      expect(await listKeys(stack)).toHaveLength(2 * records.length);
    } finally {
      await stack.stop();
    }
  }, 120_000);
});

import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  HeadObjectCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { storedItem } from '../../support/storedItem.js';
import { DynamoDbAwardStore } from '../../../functions/adapters/dynamodb/DynamoDbAwardStore.js';
import { S3DocumentRepository } from '../../../functions/adapters/s3/S3DocumentRepository.js';
import { awardOfRecord } from '../../../functions/core/award/Award.js';
import { HarfBuzzSubsetter } from '../../../functions/core/engine/fonts/HarfBuzzSubsetter.js';
import { SubsettingError } from '../../../functions/core/errors.js';
import { matchesFilter } from '../../../functions/definitions/streamFilters.js';
import { createRenderHandler } from '../../../functions/render/createRenderHandler.js';
import { DocumentEngine } from '../../../functions/core/engine/DocumentEngine.js';
import { FontRegistry } from '../../../functions/core/engine/fonts/FontRegistry.js';
import { TemplateRenderer } from '../../../functions/core/engine/templates/TemplateRenderer.js';
import { exampleJson } from '../../support/examples.js';
import { streamEvent, streamRecord } from '../../support/streamRecords.js';
import { certificateRef } from '../../support/documentRefs.js';
import { testSigner } from '../../support/developmentSignerForTests.js';

const ddb = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);
const metrics = new Metrics({ namespace: 'Test', serviceName: 'render' });
const addMetric = vi.spyOn(metrics, 'addMetric');
const publish = vi.spyOn(metrics, 'publishStoredMetrics').mockReturnValue(undefined as never);
/** Every document the engine draws, with the data it was given. */
const renders = vi.spyOn(DocumentEngine.prototype, 'render');

/** The render handler over the mocked clients, with any dependency changed. */
const handlerWith = (changes: Partial<Parameters<typeof createRenderHandler>[0]> = {}) =>
  createRenderHandler({
    awards: new DynamoDbAwardStore(new DynamoDBClient({ region: 'cn-north-1' }), 'awards'),
    documents: new S3DocumentRepository(new S3Client({ region: 'cn-north-1' }), 'documents'),
    logger: new Logger({ serviceName: 'render', logLevel: 'SILENT' }),
    metrics,
    ...changes,
  });
const handler = handlerWith();

type Item = Record<string, unknown> & { pk: string };
/** An award item as the table holds it, at revision 3 unless changed. */
const award = (name: string, changes: Record<string, unknown> = {}): Item => ({
  ...storedItem(awardOfRecord(exampleJson(name), 3)),
  ...changes,
});
/** The item as the table holds it now (the pipeline reads it again before acting). */
const current = <T extends Item>(item: T): T => {
  ddb.on(GetCommand, { Key: { pk: item.pk } }).resolves({ Item: item });
  return item;
};
const approved = (item: Item) => streamRecord(current(item), { oldItem: { ...item, status: 'SUBMITTED' } });
/** The award items the pipeline wrote, each a whole item under a condition on the revision it read. */
const writes = () => ddb.commandCalls(PutCommand).map((call) => call.args[0].input);

beforeEach(() => {
  ddb.reset();
  s3.reset();
  addMetric.mockClear();
  renders.mockClear();
  s3.on(HeadObjectCommand).rejects(
    Object.assign(new Error('Not Found'), { name: 'NotFound', $metadata: { httpStatusCode: 404 } }),
  );
  s3.on(PutObjectCommand).resolves({});
  ddb.on(PutCommand).resolves({});
});

describe('the stream filter shared by the stack and the local poller', () => {
  it('passes awards that are approved or revoked, and nothing else', () => {
    expect(matchesFilter(approved(award('merit-zhang-peng')))).toBe(true);
    expect(matchesFilter(streamRecord(award('merit-zhang-peng', { status: 'REVOKED' })))).toBe(true);
    expect(matchesFilter(streamRecord(award('merit-zhang-peng', { status: 'SUBMITTED' })))).toBe(false);
    expect(
      matchesFilter(streamRecord({ pk: 'COUNTER#内公奖#2020', itemType: 'NUMBER_COUNTER', status: 'APPROVED' })),
    ).toBe(false);
    expect(matchesFilter(streamRecord(award('merit-zhang-peng'), { eventName: 'REMOVE' }))).toBe(false);
  });
});

describe('render handler', () => {
  it('renders an approved award, stores its PDF with metadata, and references it on the revision it read', async () => {
    const result = await handler(streamEvent(approved(award('merit-zhang-peng'))));
    expect(result.batchItemFailures).toEqual([]);
    const put = s3.commandCalls(PutObjectCommand)[0]!.args[0].input;
    expect(put).toMatchObject({
      Bucket: 'documents',
      Key: 'awards/merit-zhang-peng/certificate-v1.pdf',
      ContentType: 'application/pdf',
    });
    expect(put.Metadata).toMatchObject({ 'record-id': 'merit-zhang-peng', kind: 'certificate', version: '1' });
    expect(
      Buffer.from(put.Body as Uint8Array)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const [write] = writes();
    expect(write).toMatchObject({ ConditionExpression: 'revision = :read', ExpressionAttributeValues: { ':read': 3 } });
    expect(write!.Item).toMatchObject({
      pk: 'AWARD#merit-zhang-peng',
      revision: 4,
      renderedVersion: 1,
      renderStatus: 'RENDERED',
      status: 'APPROVED',
    });
    expect(write!.Item!.documents).toEqual([
      expect.objectContaining({
        kind: 'certificate',
        version: 1,
        key: 'awards/merit-zhang-peng/certificate-v1.pdf',
        sha256: put.Metadata!.sha256,
        pages: 1,
      }),
    ]);
    expect(addMetric).toHaveBeenCalledWith('DocumentsRendered', 'Count', 1);
    // This handler has no signer: the document is counted as stored unsigned (an alarm reads it).
    expect(addMetric).toHaveBeenCalledWith('UnsignedDocuments', 'Count', 1);
    expect(publish).toHaveBeenCalled();
  });

  it('with a signer, stores the document signed and counts nothing unsigned', async () => {
    const signed = handlerWith({ signer: testSigner() });
    expect((await signed(streamEvent(approved(award('merit-zhang-peng'))))).batchItemFailures).toEqual([]);
    const body = Buffer.from(s3.commandCalls(PutObjectCommand)[0]!.args[0].input.Body as Uint8Array);
    expect(body.toString('latin1')).toContain('/SubFilter /ETSI.CAdES.detached');
    expect(addMetric).toHaveBeenCalledWith('DocumentsRendered', 'Count', 1);
    expect(addMetric).not.toHaveBeenCalledWith('UnsignedDocuments', 'Count', expect.anything());
  });

  it('acts on the award as it is now: a redelivered change superseded by a correction does nothing', async () => {
    const v1 = award('merit-zhang-peng');
    current({ ...v1, version: 2 });
    const result = await handler(streamEvent(streamRecord(v1, { oldItem: { ...v1, status: 'SUBMITTED' } })));
    expect(result.batchItemFailures).toEqual([]);
    expect(s3.calls()).toHaveLength(0);
  });

  it('does nothing for its own write-back or a recorded delivery: the version is already rendered', async () => {
    const done = award('merit-zhang-peng', {
      renderedVersion: 1,
      renderedAt: '2020-03-02T00:00:00Z',
      renderStatus: 'RENDERED',
    });
    const result = await handler(streamEvent(streamRecord(current(done), { oldItem: award('merit-zhang-peng') })));
    expect(result.batchItemFailures).toEqual([]);
    expect(s3.calls()).toHaveLength(0);
    expect(writes()).toHaveLength(0);
    // Decided from the stream image alone: not even a read.
    expect(ddb.commandCalls(GetCommand)).toHaveLength(0);
  });

  it('does not write an object again that is already stored with the same bytes (PDF and OFD)', async () => {
    await handler(streamEvent(approved(award('merit-zhang-peng'))));
    const stored = s3.commandCalls(PutObjectCommand).map((call) => call.args[0].input);
    expect(stored.map((input) => [input.Key, input.ContentType])).toEqual([
      ['awards/merit-zhang-peng/certificate-v1.pdf', 'application/pdf'],
      ['awards/merit-zhang-peng/certificate-v1.ofd', 'application/ofd'],
    ]);
    s3.reset();
    for (const { Key, Metadata } of stored) s3.on(HeadObjectCommand, { Key }).resolves({ Metadata });
    await handler(streamEvent(approved(award('merit-zhang-peng'))));
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  it('marks an invalid record failed with its reason, without retrying it, and goes on with the batch', async () => {
    const invalid = award('merit-he-xia', { grade: 7 });
    const result = await handler(streamEvent(approved(invalid), approved(award('merit-zhang-peng'))));
    expect(result.batchItemFailures).toEqual([]);
    const failed = writes().find((write) => write.Item!.renderStatus === 'FAILED')!;
    expect(failed).toMatchObject({
      ConditionExpression: 'revision = :read',
      ExpressionAttributeValues: { ':read': 3 },
    });
    expect(failed.Item).toMatchObject({
      pk: 'AWARD#merit-he-xia',
      failedVersion: 1,
      failureReason: 'record merit-he-xia: grade: must be 1, 2 or 3',
    });
    expect(s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input.Key)).toEqual([
      'awards/merit-zhang-peng/certificate-v1.pdf',
      'awards/merit-zhang-peng/certificate-v1.ofd',
    ]);
    expect(addMetric).toHaveBeenCalledWith('InvalidRecords', 'Count', 1);
  });

  it('marks a record failed when no font can draw a character of it, naming field and code point', async () => {
    const json = exampleJson('merit-zhang-peng') as { recipient: Record<string, unknown> };
    await handler(streamEvent(approved(award('merit-zhang-peng', { recipient: { ...json.recipient, name: '张𠈌' } }))));
    expect(writes()[0]!.Item!.failureReason).toContain('recipient.name: no configured font can draw "𠈌" (U+2020C)');
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  it('sets aside an award item it cannot read (no usable status), counted, not retried', async () => {
    const unreadable = streamRecord({ ...award('merit-zhang-peng'), version: 'one' });
    const result = await handler(streamEvent(unreadable));
    expect(result.batchItemFailures).toEqual([]);
    expect(addMetric).toHaveBeenCalledWith('InvalidRecords', 'Count', 1);
    expect(s3.calls()).toHaveLength(0);
  });

  it('reports only the record whose storage failed as a batch item failure', async () => {
    const records = ['merit-zhang-peng', 'merit-he-xia', 'merit-yang-tao'].map((name) => approved(award(name)));
    s3.on(PutObjectCommand, { Key: 'awards/merit-he-xia/certificate-v1.pdf' }).rejects(
      new S3ServiceException({
        name: 'InternalError',
        $fault: 'server',
        $metadata: { httpStatusCode: 500 },
        message: 'We encountered an internal error',
      }),
    );
    const result = await handler(streamEvent(...records));
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: records[1]!.dynamodb!.SequenceNumber }]);
    expect(writes().map((write) => write.Item!.pk)).toEqual(['AWARD#merit-zhang-peng', 'AWARD#merit-yang-tao']);
  });

  it('numbers an order in one transaction on the revision it read, retrying if another took the serial', async () => {
    const { documentNumber: _given, ...json } = exampleJson('commendation-order-2020-12');
    const order = { ...storedItem(awardOfRecord(json, 3)) };
    ddb
      .on(GetCommand, { Key: { pk: 'COUNTER#内公奖#2020' } })
      .resolvesOnce({ Item: { lastSerial: 11 } })
      .resolves({ Item: { lastSerial: 12 } });
    ddb
      .on(TransactWriteCommand)
      .rejectsOnce(
        new TransactionCanceledException({
          message: 'Transaction cancelled',
          $metadata: {},
          CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }, { Code: 'None' }],
        }),
      )
      .resolves({});
    const result = await handler(streamEvent(approved(order)));
    expect(result.batchItemFailures).toEqual([]);
    const transactions = ddb.commandCalls(TransactWriteCommand).map((c) => c.args[0].input.TransactItems!);
    expect(transactions).toHaveLength(2);
    const [counter, claim, record] = transactions[1]!;
    expect(counter!.Put!.Item).toMatchObject({ pk: 'COUNTER#内公奖#2020', lastSerial: 13 });
    expect(counter!.Put!.ConditionExpression).toBe('lastSerial = :previous');
    expect(claim!.Put!).toMatchObject({
      Item: { pk: 'NUMBER#内公奖#2020#13', recordId: 'commendation-order-2020-12' },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    expect(record!.Put!).toMatchObject({
      ConditionExpression: 'revision = :read',
      ExpressionAttributeValues: { ':read': 3 },
    });
    expect(record!.Put!.Item).toMatchObject({ documentNumber: '内公奖〔2020〕13号', revision: 4 });
    // The documents are then recorded on the revision the numbering wrote.
    expect(writes()[0]).toMatchObject({
      ExpressionAttributeValues: { ':read': 4 },
      Item: { revision: 5, documentNumber: '内公奖〔2020〕13号' },
    });
    expect(addMetric).toHaveBeenCalledWith('NumbersAllocated', 'Count', 1);
    // Rendered once, after the number was given: no trial render before it.
    expect(renders).toHaveBeenCalledTimes(1);
    expect(renders.mock.calls[0]![1]).toMatchObject({ documentNumber: '内公奖〔2020〕13号' });
  });

  it('numbers each authority’s records with its registered code, refusing a code the record brings', async () => {
    const numbering = handlerWith({ authority: { name: '内蒙古自治区公安厅', code: '内公奖' } });
    const { documentNumber: _given, authority: _a, ...json } = exampleJson('praise-bulletin-2020-18');
    const item = (id: string, authority: object) => storedItem(awardOfRecord({ ...json, id, authority }, 3));
    const own = item('own', { name: '内蒙古自治区公安厅' });
    const other = item('other', { id: 'wh-gaj' });
    const coded = item('coded', { name: '内蒙古自治区公安厅', code: '内公通' });
    const uncoded = item('uncoded', { name: '巴彦淖尔市公安局临河区分局' });
    const unknown = item('unknown', { name: '中华人民共和国公安部' });
    ddb.on(GetCommand).resolves({});
    ddb.on(TransactWriteCommand).resolves({});
    const result = await numbering(
      streamEvent(approved(own), approved(other), approved(coded), approved(uncoded), approved(unknown)),
    );
    expect(result.batchItemFailures).toEqual([]);
    const numbers = ddb.commandCalls(TransactWriteCommand).map((c) => c.args[0].input.TransactItems![2]!.Put!.Item!);
    expect(numbers.map((item) => [item.id, item.documentNumber])).toEqual([
      ['own', '内公奖〔2020〕1号'],
      ['other', '乌海公奖〔2020〕1号'],
    ]);
    const failure = (id: string) => writes().find((write) => write.Item!.id === id)!.Item!.failureReason;
    expect(failure('coded')).toBe(
      'record coded: authority.code: the numbering code comes from the authority registry (内公奖): remove it',
    );
    expect(failure('uncoded')).toBe(
      'record uncoded: authority.code: required to number a praise-bulletin (e.g. 内公奖)',
    );
    expect(failure('unknown')).toMatch(
      /^record unknown: authority: "中华人民共和国公安部" is not a registered authority of this deployment/,
    );
  });

  it('gives a redelivered or corrected order the number it already holds', async () => {
    const { documentNumber: _given, ...json } = exampleJson('commendation-order-2020-12');
    const order = storedItem(awardOfRecord(json, 3));
    current({ ...order, documentNumber: '内公奖〔2020〕7号' });
    ddb
      .on(GetCommand, { Key: { pk: 'NUMBER#内公奖#2020#7' } })
      .resolves({ Item: { recordId: 'commendation-order-2020-12' } });
    await handler(streamEvent(streamRecord(order, { oldItem: { ...order, status: 'SUBMITTED' } })));
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
    expect((writes()[0]!.Item!.documents as { key: string }[])[0]!.key).toBe(
      'awards/commendation-order-2020-12/commendation-order-v1.pdf',
    );
    expect(addMetric).not.toHaveBeenCalledWith('NumbersAllocated', 'Count', 1);
  });

  it('refuses an order that brings a number this system did not give it', async () => {
    const order = storedItem(awardOfRecord(exampleJson('commendation-order-2020-12'), 3));
    current(order);
    ddb.on(GetCommand, { Key: { pk: 'NUMBER#内公奖#2020#12' } }).resolves({});
    const result = await handler(streamEvent(streamRecord(order, { oldItem: { ...order, status: 'SUBMITTED' } })));
    expect(result.batchItemFailures).toEqual([]);
    expect(writes()[0]!.Item!.failureReason).toContain(
      'documentNumber: 内公奖〔2020〕12号 was not given to this record by the pipeline',
    );
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  it('voids the number of an order whose documents prove unrenderable, with the reason, as it fails', async () => {
    const { documentNumber: _given, ...json } = exampleJson('commendation-order-2020-12');
    const order = storedItem(awardOfRecord({ ...json, title: '关于表彰𠈌同志的命令' }, 3));
    ddb.on(GetCommand).resolves({});
    ddb.on(TransactWriteCommand).resolves({});
    const result = await handler(streamEvent(approved(order)));
    expect(result.batchItemFailures).toEqual([]);
    expect(renders).toHaveBeenCalledTimes(1);
    const [numbering, failing] = ddb.commandCalls(TransactWriteCommand).map((c) => c.args[0].input.TransactItems!);
    expect(numbering![1]!.Put!.Item).toMatchObject({ pk: 'NUMBER#内公奖#2020#1' });
    const [award, claim] = failing!;
    expect(award!.Put!).toMatchObject({
      ConditionExpression: 'revision = :read',
      ExpressionAttributeValues: { ':read': 4 },
      Item: { renderStatus: 'FAILED', failedVersion: 1, revision: 5 },
    });
    // The award gives the number up (a correction is numbered afresh); the claim keeps it, voided.
    expect(award!.Put!.Item!.documentNumber).toBeUndefined();
    expect(award!.Put!.Item!.failureReason).toMatch(/U\+2020C.*\(文号 内公奖〔2020〕1号 作废\)$/);
    expect(claim!.Put!).toMatchObject({
      Item: {
        pk: 'NUMBER#内公奖#2020#1',
        recordId: 'commendation-order-2020-12',
        documentNumber: '内公奖〔2020〕1号',
        voidedAt: expect.any(String),
        voidReason: expect.stringContaining('U+2020C'),
      },
      ConditionExpression: 'recordId = :recordId',
    });
    expect(addMetric).toHaveBeenCalledWith('NumbersVoided', 'Count', 1);
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  it('keeps the number printed on an earlier version when a correction proves unrenderable', async () => {
    const json = exampleJson('commendation-order-2020-12');
    const rendered = award('commendation-order-2020-12', {
      documentNumber: '内公奖〔2020〕7号',
      documents: [{ ...certificateRef(1), kind: 'commendation-order', key: 'awards/x/commendation-order-v1.pdf' }],
      renderedVersion: 1,
      renderedAt: '2020-03-02T00:00:00Z',
      renderStatus: 'RENDERED',
    });
    const corrected = { ...rendered, version: 2, title: `${json.title}𠈌` };
    ddb.on(GetCommand, { Key: { pk: 'NUMBER#内公奖#2020#7' } }).resolves({ Item: { recordId: json.id } });
    await handler(streamEvent(streamRecord(current(corrected))));
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
    const [failed] = writes();
    expect(failed!.Item).toMatchObject({ renderStatus: 'FAILED', documentNumber: '内公奖〔2020〕7号' });
    expect(failed!.Item!.failureReason).not.toContain('作废');
  });

  it('refuses a number that was voided, even for the record it was given to', async () => {
    const order = storedItem(awardOfRecord({ ...exampleJson('commendation-order-2020-12') }, 3));
    current(order);
    ddb.on(GetCommand, { Key: { pk: 'NUMBER#内公奖#2020#12' } }).resolves({
      Item: { recordId: 'commendation-order-2020-12', voidedAt: '2020-03-01T00:00:00Z', voidReason: '…' },
    });
    await handler(streamEvent(streamRecord(order, { oldItem: { ...order, status: 'SUBMITTED' } })));
    expect(writes()[0]!.Item!.failureReason).toContain('was not given to this record by the pipeline, or was voided');
    expect(renders).not.toHaveBeenCalled();
  });

  it('keeps documents made while the award was being revoked, withdrawn', async () => {
    const item = award('merit-zhang-peng');
    const revoked = {
      ...item,
      status: 'REVOKED',
      revokedAt: '2020-04-01T00:00:00+08:00',
      revocationReason: '核查不实',
      revision: 4,
    };
    ddb
      .on(GetCommand, { Key: { pk: item.pk } })
      .resolvesOnce({ Item: item })
      .resolves({ Item: revoked });
    ddb
      .on(PutCommand)
      .rejectsOnce(
        Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' }),
      )
      .resolves({});
    s3.on(PutObjectTaggingCommand).resolves({});
    const result = await handler(streamEvent(streamRecord(item, { oldItem: { ...item, status: 'SUBMITTED' } })));
    expect(result.batchItemFailures).toEqual([]);
    expect(s3.commandCalls(PutObjectTaggingCommand).map((c) => c.args[0].input.Key)).toEqual([
      'awards/merit-zhang-peng/certificate-v1.pdf',
      'awards/merit-zhang-peng/certificate-v1.ofd',
    ]);
    const [lost, withdrawn] = writes();
    expect(lost!.ExpressionAttributeValues).toEqual({ ':read': 3 });
    expect(withdrawn).toMatchObject({
      ExpressionAttributeValues: { ':read': 4 },
      Item: { status: 'REVOKED', revision: 5 },
    });
    expect(withdrawn!.Item!.documents).toEqual([
      expect.objectContaining({
        key: 'awards/merit-zhang-peng/certificate-v1.pdf',
        ofd: expect.objectContaining({ key: 'awards/merit-zhang-peng/certificate-v1.ofd' }),
        withdrawn: true,
      }),
    ]);
  });

  it('renders a correction as a new version and keeps the earlier one', async () => {
    const earlier = certificateRef(1);
    const v1 = award('merit-zhang-peng', {
      renderedVersion: 1,
      renderedAt: '2020-03-02T00:00:00Z',
      documents: [earlier],
    });
    const v2 = { ...v1, version: 2, deed: '在新冠肺炎疫情防控一线表现突出' };
    await handler(streamEvent(streamRecord(current(v2), { oldItem: v1 })));
    expect(s3.commandCalls(PutObjectCommand)[0]!.args[0].input.Key).toBe('awards/merit-zhang-peng/certificate-v2.pdf');
    const { Item } = writes()[0]!;
    expect(Item).toMatchObject({ renderedVersion: 2, version: 2 });
    expect((Item!.documents as { key: string }[]).map((ref) => ref.key)).toEqual([
      earlier.key,
      'awards/merit-zhang-peng/certificate-v2.pdf',
    ]);
  });

  it('marks the documents of a revoked award withdrawn, in S3 tags and on the record, deleting nothing', async () => {
    const documents = [1, 2].map((version) => certificateRef(version));
    s3.on(PutObjectTaggingCommand).resolves({});
    const revoked = award('merit-zhang-peng', {
      status: 'REVOKED',
      revokedAt: '2020-04-01T00:00:00+08:00',
      revocationReason: '核查不实',
      documents,
      renderedVersion: 2,
      renderedAt: '2020-03-02T00:00:00Z',
    });
    const result = await handler(
      streamEvent(streamRecord(current(revoked), { oldItem: { ...revoked, status: 'APPROVED' } })),
    );
    expect(result.batchItemFailures).toEqual([]);
    expect(
      s3.commandCalls(PutObjectTaggingCommand).map((c) => [c.args[0].input.Key, c.args[0].input.Tagging!.TagSet]),
    ).toEqual(documents.map((d) => [d.key, [{ Key: 'withdrawn', Value: 'true' }]]));
    const write = writes()[0]!;
    expect(write.ConditionExpression).toBe('revision = :read');
    expect(write.Item!.documents).toEqual(
      documents.map((d) => ({ ...d, withdrawn: true, withdrawnAt: expect.any(String) })),
    );
    expect(s3.calls().filter((c) => c.args[0].constructor.name.startsWith('Delete'))).toHaveLength(0);
  });

  it('retries, not fails, a record when the deployment is at fault (no template), and counts the fault', async () => {
    const broken = handlerWith({
      engine: new DocumentEngine(FontRegistry.shared(), new TemplateRenderer('/nonexistent-templates')),
    });
    const record = approved(award('merit-zhang-peng'));
    const result = await broken(streamEvent(record));
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: record.dynamodb!.SequenceNumber }]);
    expect(writes()).toHaveLength(0);
    expect(addMetric).toHaveBeenCalledWith('DeploymentFaults', 'Count', 1);
  });

  it('retries, rather than fails, a record whose font could not be subset', async () => {
    const subset = vi.spyOn(HarfBuzzSubsetter.prototype, 'subset').mockImplementation(() => {
      throw new SubsettingError('hb-subset failed for NotoSerifSC_400Regular.ttf');
    });
    try {
      const record = approved(award('merit-zhang-peng'));
      const result = await handler(streamEvent(record));
      expect(subset).toHaveBeenCalled();
      expect(result.batchItemFailures).toEqual([{ itemIdentifier: record.dynamodb!.SequenceNumber }]);
      expect(writes()).toHaveLength(0);
      expect(addMetric).toHaveBeenCalledWith('DeploymentFaults', 'Count', 1);
    } finally {
      subset.mockRestore();
    }
  });

  it('retries a record whose write-back was throttled', async () => {
    ddb.on(PutCommand).rejects(
      Object.assign(new Error('Rate exceeded'), {
        name: 'ProvisionedThroughputExceededException',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const record = approved(award('merit-zhang-peng'));
    const result = await handler(streamEvent(record));
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: record.dynamodb!.SequenceNumber }]);
    expect(addMetric).not.toHaveBeenCalledWith('DeploymentFaults', 'Count', 1);
  });
});

import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { HeadObjectCommand, PutObjectCommand, PutObjectTaggingCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DynamoDbAwardRepository } from '../../../functions/adapters/dynamodb/DynamoDbAwardRepository.js';
import { S3DocumentRepository } from '../../../functions/adapters/s3/S3DocumentRepository.js';
import { storedAwardOf, type StoredAward } from '../../../functions/core/pipeline/StoredAward.js';
import { matchesFilter } from '../../../functions/definitions/streamFilters.js';
import { createRenderHandler } from '../../../functions/render/createRenderHandler.js';
import { DocumentEngine } from '../../../functions/core/engine/DocumentEngine.js';
import { FontRegistry } from '../../../functions/core/engine/fonts/FontRegistry.js';
import { TemplateRenderer } from '../../../functions/core/engine/templates/TemplateRenderer.js';
import { exampleJson } from '../../support/examples.js';
import { streamEvent, streamRecord } from '../../support/streamRecords.js';

const ddb = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);
const metrics = new Metrics({ namespace: 'Test', serviceName: 'render' });
const addMetric = vi.spyOn(metrics, 'addMetric');
const publish = vi.spyOn(metrics, 'publishStoredMetrics').mockReturnValue(undefined as never);

const handler = createRenderHandler({
  awards: new DynamoDbAwardRepository(new DynamoDBClient({ region: 'cn-north-1' }), 'awards'),
  documents: new S3DocumentRepository(new S3Client({ region: 'cn-north-1' }), 'documents'),
  logger: new Logger({ serviceName: 'render', logLevel: 'SILENT' }),
  metrics,
});

const award = (name: string, changes: Record<string, unknown> = {}): StoredAward => ({ ...storedAwardOf(exampleJson(name) as never), ...changes }) as StoredAward;
/** The item as the table holds it now (the pipeline reads it again before acting). */
const current = <T extends StoredAward>(item: T): T => {
  ddb.on(GetCommand, { Key: { pk: item.pk } }).resolves({ Item: item });
  return item;
};
const approved = (item: StoredAward) => streamRecord(current(item), { oldItem: { ...item, status: 'SUBMITTED' } });
const updates = () => ddb.commandCalls(UpdateCommand).map((call) => call.args[0].input);

beforeEach(() => {
  ddb.reset();
  s3.reset();
  addMetric.mockClear();
  s3.on(HeadObjectCommand).rejects(Object.assign(new Error('Not Found'), { name: 'NotFound', $metadata: { httpStatusCode: 404 } }));
  s3.on(PutObjectCommand).resolves({});
  ddb.on(UpdateCommand).resolves({});
});

describe('the stream filter shared by the stack and the local poller', () => {
  it('passes awards that are approved or revoked, and nothing else', () => {
    expect(matchesFilter(approved(award('merit-zhang-peng')))).toBe(true);
    expect(matchesFilter(streamRecord(award('merit-zhang-peng', { status: 'REVOKED' })))).toBe(true);
    expect(matchesFilter(streamRecord(award('merit-zhang-peng', { status: 'SUBMITTED' })))).toBe(false);
    expect(matchesFilter(streamRecord({ pk: 'COUNTER#内公奖#2020', itemType: 'NUMBER_COUNTER', status: 'APPROVED' }))).toBe(false);
    expect(matchesFilter(streamRecord(award('merit-zhang-peng'), { eventName: 'REMOVE' }))).toBe(false);
  });
});

describe('render handler', () => {
  it('renders an approved award, stores its PDF with metadata, and writes the reference back under a condition', async () => {
    const result = await handler(streamEvent(approved(award('merit-zhang-peng'))));
    expect(result.batchItemFailures).toEqual([]);
    const put = s3.commandCalls(PutObjectCommand)[0]!.args[0].input;
    expect(put).toMatchObject({ Bucket: 'documents', Key: 'awards/merit-zhang-peng/certificate-v1.pdf', ContentType: 'application/pdf' });
    expect(put.Metadata).toMatchObject({ 'record-id': 'merit-zhang-peng', kind: 'certificate', version: '1' });
    expect(Buffer.from(put.Body as Uint8Array).subarray(0, 5).toString()).toBe('%PDF-');
    const [update] = updates();
    expect(update!.ConditionExpression).toContain('renderedVersion < :version');
    expect(update!.ExpressionAttributeValues![':documents']).toEqual([
      expect.objectContaining({ kind: 'certificate', version: 1, key: 'awards/merit-zhang-peng/certificate-v1.pdf', sha256: put.Metadata!.sha256, pages: 1 }),
    ]);
    expect(addMetric).toHaveBeenCalledWith('DocumentsRendered', 'Count', 1);
    expect(publish).toHaveBeenCalled();
  });

  it('acts on the award as it is now: a redelivered change superseded by a correction does nothing', async () => {
    const v1 = award('merit-zhang-peng');
    current({ ...v1, version: 2 });
    const result = await handler(streamEvent(streamRecord(v1, { oldItem: { ...v1, status: 'SUBMITTED' } })));
    expect(result.batchItemFailures).toEqual([]);
    expect(s3.calls()).toHaveLength(0);
  });

  it('does nothing for its own write-back or a recorded delivery: the version is already rendered', async () => {
    const done = award('merit-zhang-peng', { renderedVersion: 1, renderStatus: 'RENDERED' });
    const result = await handler(streamEvent(streamRecord(current(done), { oldItem: award('merit-zhang-peng') })));
    expect(result.batchItemFailures).toEqual([]);
    expect(s3.calls()).toHaveLength(0);
    expect(updates()).toHaveLength(0);
  });

  it('does not write an object again that is already stored with the same bytes', async () => {
    await handler(streamEvent(approved(award('merit-zhang-peng'))));
    const sha256 = s3.commandCalls(PutObjectCommand)[0]!.args[0].input.Metadata!.sha256!;
    s3.reset();
    s3.on(HeadObjectCommand).resolves({ Metadata: { sha256 } });
    await handler(streamEvent(approved(award('merit-zhang-peng'))));
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  it('marks an invalid record failed with its reason, without retrying it, and goes on with the batch', async () => {
    const invalid = award('merit-he-xia', { grade: 7 });
    const result = await handler(streamEvent(approved(invalid), approved(award('merit-zhang-peng'))));
    expect(result.batchItemFailures).toEqual([]);
    const failed = updates().find((u) => u.ExpressionAttributeValues![':failed'] === 'FAILED')!;
    expect(failed.Key).toEqual({ pk: 'AWARD#merit-he-xia' });
    expect(failed.ExpressionAttributeValues![':reason']).toBe('record merit-he-xia: grade: must be 1, 2 or 3');
    expect(s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input.Key)).toEqual(['awards/merit-zhang-peng/certificate-v1.pdf']);
    expect(addMetric).toHaveBeenCalledWith('InvalidRecords', 'Count', 1);
  });

  it('marks a record failed when no font can draw a character of it, naming field and code point', async () => {
    const json = exampleJson('merit-zhang-peng') as { recipient: Record<string, unknown> };
    await handler(streamEvent(approved(award('merit-zhang-peng', { recipient: { ...json.recipient, name: '张𠈌' } }))));
    const failed = updates()[0]!;
    expect(failed.ExpressionAttributeValues![':reason']).toContain('recipient.name: no configured font can draw "𠈌" (U+2020C)');
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  it('reports only the record whose storage failed as a batch item failure', async () => {
    const records = ['merit-zhang-peng', 'merit-he-xia', 'merit-yang-tao'].map((name) => approved(award(name)));
    s3.on(PutObjectCommand, { Key: 'awards/merit-he-xia/certificate-v1.pdf' }).rejects(
      new S3ServiceException({ name: 'InternalError', $fault: 'server', $metadata: { httpStatusCode: 500 }, message: 'We encountered an internal error' }),
    );
    const result = await handler(streamEvent(...records));
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: records[1]!.dynamodb!.SequenceNumber }]);
    expect(updates().map((u) => u.Key)).toEqual([{ pk: 'AWARD#merit-zhang-peng' }, { pk: 'AWARD#merit-yang-tao' }]);
  });

  it('allocates an order its number in one transaction, and looks again when another order took the serial first', async () => {
    const { documentNumber: _given, ...json } = exampleJson('commendation-order-2020-12');
    const order = { ...storedAwardOf(json as never) } as StoredAward;
    ddb.on(GetCommand, { Key: { pk: 'COUNTER#内公奖#2020' } }).resolvesOnce({ Item: { lastSerial: 11 } }).resolves({ Item: { lastSerial: 12 } });
    ddb.on(TransactWriteCommand)
      .rejectsOnce(new TransactionCanceledException({ message: 'Transaction cancelled', $metadata: {}, CancellationReasons: [{ Code: 'ConditionalCheckFailed' }] }))
      .resolves({});
    const result = await handler(streamEvent(approved(order)));
    expect(result.batchItemFailures).toEqual([]);
    const transactions = ddb.commandCalls(TransactWriteCommand).map((c) => c.args[0].input.TransactItems!);
    expect(transactions).toHaveLength(2);
    const [counter, claim, record] = transactions[1]!;
    expect(counter!.Put!.Item).toMatchObject({ pk: 'COUNTER#内公奖#2020', lastSerial: 13 });
    expect(counter!.Put!.ConditionExpression).toBe('lastSerial = :previous');
    expect(claim!.Put!).toMatchObject({ Item: { pk: 'NUMBER#内公奖#2020#13', recordId: 'commendation-order-2020-12' }, ConditionExpression: 'attribute_not_exists(pk)' });
    expect(record!.Update!.ConditionExpression).toBe('attribute_not_exists(documentNumber) AND version = :version AND #status = :approved');
    expect(record!.Update!.ExpressionAttributeValues![':number']).toBe('内公奖〔2020〕13号');
    expect(addMetric).toHaveBeenCalledWith('NumbersAllocated', 'Count', 1);
  });

  it('gives a redelivered or corrected order the number it already holds', async () => {
    const { documentNumber: _given, ...json } = exampleJson('commendation-order-2020-12');
    const order = storedAwardOf(json as never);
    current({ ...order, documentNumber: '内公奖〔2020〕7号' });
    ddb.on(GetCommand, { Key: { pk: 'NUMBER#内公奖#2020#7' } }).resolves({ Item: { recordId: 'commendation-order-2020-12' } });
    await handler(streamEvent(streamRecord(order, { oldItem: { ...order, status: 'SUBMITTED' } })));
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
    expect(updates()[0]!.ExpressionAttributeValues![':documents'][0].key).toBe('awards/commendation-order-2020-12/commendation-order-v1.pdf');
    expect(addMetric).not.toHaveBeenCalledWith('NumbersAllocated', 'Count', 1);
  });

  it('refuses an order that brings a number this system did not give it', async () => {
    const order = storedAwardOf(exampleJson('commendation-order-2020-12') as never);
    current(order);
    ddb.on(GetCommand, { Key: { pk: 'NUMBER#内公奖#2020#12' } }).resolves({});
    const result = await handler(streamEvent(streamRecord(order, { oldItem: { ...order, status: 'SUBMITTED' } })));
    expect(result.batchItemFailures).toEqual([]);
    expect(updates()[0]!.ExpressionAttributeValues![':reason']).toContain('documentNumber: 内公奖〔2020〕12号 was not allocated to this record by the pipeline');
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  it('spends no number on an order whose documents cannot be made', async () => {
    const { documentNumber: _given, ...json } = exampleJson('commendation-order-2020-12');
    const order = storedAwardOf({ ...json, title: '关于表彰𠈌同志的命令' } as never);
    await handler(streamEvent(approved(order)));
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
    expect(updates()[0]!.ExpressionAttributeValues![':reason']).toContain('U+2020C');
  });

  it('keeps documents made while the award was being revoked, withdrawn', async () => {
    const item = award('merit-zhang-peng');
    ddb.on(GetCommand, { Key: { pk: item.pk } }).resolvesOnce({ Item: item }).resolves({ Item: { ...item, status: 'REVOKED' } });
    ddb.on(UpdateCommand).rejectsOnce(Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' })).resolves({});
    s3.on(PutObjectTaggingCommand).resolves({});
    const result = await handler(streamEvent(streamRecord(item, { oldItem: { ...item, status: 'SUBMITTED' } })));
    expect(result.batchItemFailures).toEqual([]);
    expect(s3.commandCalls(PutObjectTaggingCommand).map((c) => c.args[0].input.Key)).toEqual(['awards/merit-zhang-peng/certificate-v1.pdf']);
    expect(updates()[1]!.ExpressionAttributeValues![':documents']).toEqual([expect.objectContaining({ key: 'awards/merit-zhang-peng/certificate-v1.pdf', withdrawn: true })]);
  });

  it('renders a correction as a new version and keeps the earlier one', async () => {
    const v1 = award('merit-zhang-peng', { renderedVersion: 1, documents: [{ kind: 'certificate', version: 1, key: 'awards/merit-zhang-peng/certificate-v1.pdf' }] });
    const v2 = { ...v1, version: 2, deed: '在新冠肺炎疫情防控一线表现突出' };
    await handler(streamEvent(streamRecord(current(v2), { oldItem: v1 })));
    expect(s3.commandCalls(PutObjectCommand)[0]!.args[0].input.Key).toBe('awards/merit-zhang-peng/certificate-v2.pdf');
    const update = updates()[0]!;
    expect(update.UpdateExpression).toContain('list_append(if_not_exists(documents, :none), :documents)');
    expect(update.ExpressionAttributeValues![':version']).toBe(2);
  });

  it('marks the documents of a revoked award withdrawn, in S3 tags and on the record, deleting nothing', async () => {
    const documents = [1, 2].map((version) => ({ kind: 'certificate', version, key: `awards/merit-zhang-peng/certificate-v${version}.pdf`, sha256: 'x', pages: 1, bytes: 1, renderedAt: '2020-03-02T00:00:00Z' }));
    s3.on(PutObjectTaggingCommand).resolves({});
    const revoked = award('merit-zhang-peng', { status: 'REVOKED', revokedAt: '2020-04-01T00:00:00+08:00', revocationReason: '核查不实', documents, renderedVersion: 2 });
    const result = await handler(streamEvent(streamRecord(current(revoked), { oldItem: { ...revoked, status: 'APPROVED' } })));
    expect(result.batchItemFailures).toEqual([]);
    expect(s3.commandCalls(PutObjectTaggingCommand).map((c) => [c.args[0].input.Key, c.args[0].input.Tagging!.TagSet])).toEqual(
      documents.map((d) => [d.key, [{ Key: 'withdrawn', Value: 'true' }]]),
    );
    const update = updates()[0]!;
    expect(update.ConditionExpression).toBe('#status = :revoked');
    expect(update.ExpressionAttributeValues![':documents']).toEqual(documents.map((d) => ({ ...d, withdrawn: true, withdrawnAt: expect.any(String) })));
    expect(s3.calls().filter((c) => c.args[0].constructor.name.startsWith('Delete'))).toHaveLength(0);
  });

  it('retries, rather than fails, a record when the deployment is at fault (a template missing)', async () => {
    const broken = createRenderHandler({
      awards: new DynamoDbAwardRepository(new DynamoDBClient({ region: 'cn-north-1' }), 'awards'),
      documents: new S3DocumentRepository(new S3Client({ region: 'cn-north-1' }), 'documents'),
      logger: new Logger({ serviceName: 'render', logLevel: 'SILENT' }),
      metrics,
      engine: new DocumentEngine(FontRegistry.shared(), new TemplateRenderer('/nonexistent-templates')),
    });
    const record = approved(award('merit-zhang-peng'));
    const result = await broken(streamEvent(record));
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: record.dynamodb!.SequenceNumber }]);
    expect(updates()).toHaveLength(0);
  });

  it('retries a record whose write-back was throttled', async () => {
    ddb.on(UpdateCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ProvisionedThroughputExceededException', $metadata: { httpStatusCode: 400 } }));
    const record = approved(award('merit-zhang-peng'));
    const result = await handler(streamEvent(record));
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: record.dynamodb!.SequenceNumber }]);
  });
});

import { decider } from '../support/deciders.js';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { DynamoDbAwardStore } from '../../functions/adapters/dynamodb/DynamoDbAwardStore.js';
import { AwardWorkflow } from '../../functions/core/award/AwardWorkflow.js';
import { AWARDS_TABLE } from '../../functions/definitions/awardsTable.js';
import { DOCUMENTS_BUCKET, documentKey } from '../../functions/definitions/documentsBucket.js';
import { dataLayout } from '../../local/LocalStack.js';
import { waitForSettled } from '../../local/waitForSettled.js';
import { exampleJson } from '../support/examples.js';
import { objectKeys, stackArgs, stackClients } from '../support/stackClients.js';
import { type StackProcess, startStackProcess } from '../support/stackProcess.js';

const READY = 'staff page:';
const BURST = 60;
const started: StackProcess[] = [];

afterAll(async () => {
  for (const stack of started) if (stack.child.exitCode === null) stack.child.kill('SIGKILL');
});

describe('npm start when DynamoDB Local alone is killed', () => {
  it('renders every approval of a burst once after a restart, though the JVM died mid-burst', async () => {
    const data = mkdtempSync(join(tmpdir(), 'jvm-kill-'));
    const { ports, args } = await stackArgs();
    const first = startStackProcess(args(data));
    started.push(first);
    await first.printed(READY);

    const { dynamodb, s3 } = stackClients(ports);
    const awards = new DynamoDbAwardStore(dynamodb, AWARDS_TABLE.defaultName);
    const workflow = new AwardWorkflow(awards);
    const ids = Array.from({ length: BURST }, (_, i) => `jvm-${String(i).padStart(2, '0')}`);
    const templates = ['merit-zhang-peng', 'commendation-order-2020-12'];
    for (const [i, id] of ids.entries())
      await workflow.submit({ ...exampleJson(templates[i % 2]!), id }, decider('录入员'));
    for (const id of ids) await workflow.approve(id, decider('审核专班'));
    const { version } = (await awards.get(ids[0]!))!.record;
    // The JVM alone is killed while documents are being stored (a PDF and an OFD each); node is left to notice.
    const burstKeys = async () => (await objectKeys(s3)).filter((key) => key.startsWith('awards/jvm-'));
    while ((await burstKeys()).length < 50) await sleep(10);
    process.kill(Number(readFileSync(dataLayout(data).pidFile, 'utf8')), 'SIGKILL');
    expect(await first.exited).toBe(1);
    expect(first.output()).toContain('DynamoDB Local exited (SIGKILL)');
    // The node process exits at once, whatever it was writing: a put of the S3 server cut between
    // its object and its metadata file left an empty metadata file (the kill hits that window of
    // a few milliseconds now and then). One is left here as it would be, beside the OFD of an award
    // the burst had not reached.
    const torn = ids.at(-2)!;
    const bucket = join(data, 's3', DOCUMENTS_BUCKET.defaultName);
    expect(existsSync(join(bucket, `${documentKey(torn, 'certificate', version)}._S3rver_object`))).toBe(false);
    const ofd = join(bucket, documentKey(torn, 'certificate', version, 'ofd'));
    mkdirSync(dirname(ofd), { recursive: true });
    writeFileSync(`${ofd}._S3rver_object`, 'the first bytes of an OFD');
    writeFileSync(`${ofd}._S3rver_metadata.json`, '');

    const second = startStackProcess(args(data));
    started.push(second);
    await second.printed(READY);
    const settled = await waitForSettled(awards, ids, { timeoutMs: 90_000 });

    // Each approval rendered once for its version: one document, its PDF and OFD stored, nothing more.
    const references = [...settled.values()].flatMap((award) => {
      expect(award.record.status, award.record.id).toBe('APPROVED');
      expect(award.rendering.renderedVersion, award.record.id).toBe(award.record.version);
      expect(award.documents, award.record.id).toHaveLength(1);
      return award.documents.flatMap((ref) => [ref.key, ref.ofd!.key]);
    });
    expect(await burstKeys()).toEqual(references.sort());
    const serials = [...settled.values()]
      .flatMap((award) => award.record.documentNumber ?? [])
      .map((number) => Number(/〔2020〕(\d+)号$/.exec(number)![1]))
      .sort((a, b) => a - b);
    // The examples (an order and a praise bulletin) took the first two numbers of the sequence.
    expect(serials).toEqual(Array.from({ length: BURST / 2 }, (_, i) => i + 3));

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(143);
    dynamodb.destroy();
    s3.destroy();
  }, 300_000);
});

import { decider } from '../support/deciders.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { DynamoDbAwardStore } from '../../functions/adapters/dynamodb/DynamoDbAwardStore.js';
import { DynamoDbVerifications } from '../../functions/adapters/dynamodb/DynamoDbVerifications.js';
import { DynamoDbStatisticsRepository } from '../../functions/adapters/dynamodb/DynamoDbStatisticsRepository.js';
import { AwardWorkflow } from '../../functions/core/award/AwardWorkflow.js';
import { LEAGUES_AND_CITIES } from '../../functions/core/records/index.js';
import { REGION_SCOPE } from '../../functions/core/statistics/changeDelta.js';
import { compileFigures } from '../../functions/core/statistics/compileFigures.js';
import { figuresOfCounters } from '../../functions/core/statistics/counters.js';
import { issuedRecords } from '../../functions/core/statistics/issuedRecords.js';
import { AWARDS_TABLE } from '../../functions/definitions/awardsTable.js';
import { waitForSettled } from '../../local/waitForSettled.js';
import { exampleJson } from '../support/examples.js';
import { objectKeys, stackArgs, stackClients } from '../support/stackClients.js';
import { portsFreed, type StackProcess, startStackProcess } from '../support/stackProcess.js';

const READY = 'staff page:';
const TEMPLATES = [
  'merit-zhang-peng',
  'commendation-ce-ren',
  'telegram-sympathy-sun-dejian',
  'commendation-order-2020-12',
];
const started: StackProcess[] = [];

afterAll(async () => {
  for (const stack of started) if (stack.child.exitCode === null) stack.child.kill('SIGKILL');
});

describe('npm start after a crash', () => {
  it('resumes a burst killed mid-way: each award rendered once, numbers gap-free, figures right', async () => {
    const data = mkdtempSync(join(tmpdir(), 'crash-'));
    const { ports, args } = await stackArgs();
    const first = startStackProcess(args(data), { group: true });
    started.push(first);
    await first.printed(READY);

    const { dynamodb, s3 } = stackClients(ports);
    const awards = new DynamoDbAwardStore(dynamodb, AWARDS_TABLE.defaultName);
    const workflow = new AwardWorkflow(awards);
    const ids = Array.from({ length: 300 }, (_, i) => `burst-${String(i).padStart(3, '0')}`);
    for (const [i, id] of ids.entries())
      await workflow.submit({ ...exampleJson(TEMPLATES[i % TEMPLATES.length]!), id }, decider('录入员'));
    for (const id of ids) await workflow.approve(id, decider('审核专班'));
    // Killed, with DynamoDB Local, while about a third of the burst is rendered (a PDF and an OFD each).
    while ((await objectKeys(s3)).filter((key) => key.startsWith('awards/burst-')).length < 200) await sleep(20);
    process.kill(-first.child.pid!, 'SIGKILL');
    await first.exited;
    const renderedAtKill = (await objectKeys(s3).catch(() => [])).length;
    await portsFreed([ports.dynamodb, ports.s3, ports.api], 10_000);

    const second = startStackProcess(args(data), { group: true });
    started.push(second);
    await second.printed(READY);
    expect(second.output()).toContain('0 example records submitted, 18 kept from an earlier run');
    const examples = [
      ...new Set((await objectKeys(s3)).filter((key) => !key.includes('burst-')).map((key) => key.split('/')[1]!)),
    ];
    const all = [...ids, ...examples];
    const settled = await waitForSettled(awards, all, { timeoutMs: 240_000 });

    // Every award rendered for its version, one object per document and format, and the references are the objects.
    const references = [...settled.values()].flatMap((award) => {
      expect(award.record.status, award.record.id).toBe('APPROVED');
      expect(award.rendering.renderedVersion, award.record.id).toBe(award.record.version);
      expect(new Set(award.documents.map((ref) => ref.kind)).size, award.record.id).toBe(award.documents.length);
      return award.documents.flatMap((ref) => [ref.key, ref.ofd!.key]);
    });
    expect(await objectKeys(s3)).toEqual(references.sort());
    expect(ids.every((id) => settled.get(id)!.documents.length === 1)).toBe(true);

    // Every document carries its verification code, written in the same transaction as its reference:
    // the code finds exactly that document, even for awards whose render was cut by the kill.
    const verifications = new DynamoDbVerifications(dynamodb, AWARDS_TABLE.defaultName);
    const refs = [...settled.values()].flatMap((award) => award.documents.map((ref) => ({ id: award.record.id, ref })));
    const codes = refs.map(({ ref }) => ref.verificationCode);
    expect(codes.every((code) => code !== undefined)).toBe(true);
    expect(new Set(codes).size).toBe(refs.length);
    for (const { id, ref } of refs) {
      expect(await verifications.find(ref.verificationCode!), `${id} ${ref.kind}`).toMatchObject({
        recordId: id,
        kind: ref.kind,
        version: ref.version,
        sha256: ref.sha256,
      });
    }

    // The 文号 of every order and praise bulletin: distinct and gap-free.
    const numbers = [...settled.values()].flatMap((award) => award.record.documentNumber ?? []);
    const serials = numbers.map((number) => Number(/^内公奖〔2020〕(\d+)号$/.exec(number)![1])).sort((a, b) => a - b);
    expect(serials).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    expect(numbers.length).toBe(75 + 2);

    // The figures kept from the stream, though it was cut mid-way, equal a recount.
    const recount = compileFigures(issuedRecords(settled.values()), '2100-01-01T00:00:00Z');
    const kept = await new DynamoDbStatisticsRepository(dynamodb, AWARDS_TABLE.defaultName).read([
      REGION_SCOPE,
      ...LEAGUES_AND_CITIES,
    ]);
    expect(figuresOfCounters(kept.get(REGION_SCOPE) ?? {})).toEqual(recount.region);
    for (const league of LEAGUES_AND_CITIES) {
      expect(figuresOfCounters(kept.get(league) ?? {}), league).toEqual(recount.byLeague[league]);
    }
    expect(renderedAtKill).toBeLessThan(references.length);

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(143);
    dynamodb.destroy();
    s3.destroy();
  }, 600_000);

  it('frees every port within 10 s when only its node process is killed, and starts again on them', async () => {
    const data = mkdtempSync(join(tmpdir(), 'node-kill-'));
    const { ports, args } = await stackArgs();
    const first = startStackProcess(args(data));
    started.push(first);
    await first.printed(READY);
    first.child.kill('SIGKILL');
    await first.exited;
    await portsFreed([ports.dynamodb, ports.s3, ports.api], 10_000);

    const second = startStackProcess(args(data));
    started.push(second);
    await second.printed(READY);
    expect(second.output()).toContain('0 example records submitted, 18 kept from an earlier run');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(143);
    await portsFreed([ports.dynamodb, ports.s3, ports.api], 10_000);
  }, 600_000);

  it('ends with npm, whether npm is told to stop (SIGTERM) or killed (SIGKILL)', async () => {
    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      const data = mkdtempSync(join(tmpdir(), 'npm-kill-'));
      const { ports, args } = await stackArgs();
      const stack = startStackProcess(args(data), { viaNpm: true });
      started.push(stack);
      await stack.printed(READY);
      stack.child.kill(signal);
      await portsFreed([ports.dynamodb, ports.s3, ports.api], 10_000);
    }
  }, 600_000);
});

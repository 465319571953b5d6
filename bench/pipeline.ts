/**
 * npm run bench:pipeline — the approval-triggered pipeline on the local stack (DynamoDB Local, the
 * S3 server, the stream pollers, the render and statistics handlers), as `npm start` runs it:
 *   - burst: 1,000 awards approved as approval lists are signed off (a hundred to a write), every
 *     document stamped when its object is stored; documents per second from the first approval to
 *     the last object, and approval → stored per document;
 *   - per kind: approvals one at a time, each counted alone — renders, handler invocations, stream
 *     records, DynamoDB requests and consumed units, S3 requests, handler time and CPU;
 *   - cost: per 10,000 documents at published AWS prices (bench/pipeline/costModel.ts), against the
 *     same certificate drawn by Chromium on Lambda.
 * Prints a report and, last, one JSON line (bench/run.ts reads it).
 */
import { developmentDecider } from '../local/developmentIdentities.js';
import { mkdtempSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentsFor } from '../functions/core/documents/DocumentKind.js';
import { DocumentEngine } from '../functions/core/engine/DocumentEngine.js';
import type { AwardRecord } from '../functions/core/records/index.js';
import { documentKey } from '../functions/definitions/documentsBucket.js';
import { type LocalStack, startLocalStack } from '../local/LocalStack.js';
import { freePort } from '../local/ports.js';
import { waitForSettled } from '../local/waitForSettled.js';
import { exampleJson } from '../test/support/examples.js';
import { RENDER_MEMORY_MB } from '../infra/config/renderMemory.js';
import { measureChromiumCertificate } from './pipeline/chromiumCertificate.js';
import { AWS_PRICES } from './pipeline/awsPrices.js';
import { costPer10kDocuments, type PerApproval } from './pipeline/costModel.js';
import { emptyTally, RequestLedger, type Tally } from './pipeline/requestLedger.js';
import { percentile } from './stats.js';
import { type DynamoDbLocalCosts, measureDynamoDbLocalCosts } from './pipeline/dynamoDbLocalCosts.js';
import { useRunTemp } from './runTemp.js';

useRunTemp('awards-bench-');

/** One example of each kind an approval may be: three certificates, a telegram, two numbered kinds. */
const TEMPLATES = [
  'merit-zhang-peng',
  'commendation-ce-ren',
  'honorary-title-he-jianhua',
  'telegram-sympathy-sun-dejian',
  'commendation-order-2020-12',
  'praise-bulletin-2020-18',
];
const { values: options } = parseArgs({
  options: { burst: { type: 'string', default: '1000' }, 'burst-only': { type: 'boolean', default: false } },
});
/** Approvals in the burst (`--burst N`); `--burst-only` skips the per-kind counts and the cost. */
const BURST = Number(options.burst);
const LIST_SIZE = 100;
const PER_KIND = 8;
/** The render function's memory in the stack (infra/constructs/renderingFunction.ts) and the sizes compared. */
const MEMORY_SIZES = [512, 1024, 1536, 1769, 2048];

const progress = (message: string) => process.stderr.write(`bench:pipeline: ${message}\n`);
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** CPU time (ms) DynamoDB Local's JVM has used so far, from /proc (Linux). */
function jvmCpuMs(stack: LocalStack): number | undefined {
  try {
    const fields = readFileSync(`/proc/${stack.dynamodb.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime, fields 14 and 15 of stat, in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

async function submitAll(stack: LocalStack, ids: readonly string[]): Promise<Map<string, AwardRecord>> {
  const records = new Map<string, AwardRecord>();
  for (const [index, id] of ids.entries()) {
    const award = await stack.approvals.submit(
      { ...exampleJson(TEMPLATES[index % TEMPLATES.length]!), id },
      developmentDecider('department'),
    );
    records.set(id, award.record as unknown as AwardRecord);
  }
  return records;
}

/** Resolves once every key is stored; refuses after `timeoutMs` naming how many are missing. */
async function storedAll(ledger: RequestLedger, keys: readonly string[], timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const missing = keys.filter((key) => !ledger.storedAt.has(key)).length;
    if (missing === 0) return;
    if (performance.now() > deadline) throw new Error(`${missing} of ${keys.length} documents not stored in time`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function burst(stack: LocalStack, ledger: RequestLedger) {
  const ids = Array.from({ length: BURST }, (_, i) => `burst-${String(i).padStart(4, '0')}`);
  progress(`submitting ${BURST} records`);
  const records = await submitAll(stack, ids);
  const keys = new Map(
    ids.map((id) => [id, documentsFor(records.get(id)!).map((kind) => documentKey(id, kind, 1))] as const),
  );
  ledger.tally = emptyTally();
  const cpu = process.cpuUsage();
  const jvmBefore = jvmCpuMs(stack);
  progress(`approving ${BURST} in lists of ${LIST_SIZE}`);
  const approvedAt = new Map<string, number>();
  const started = performance.now();
  for (let start = 0; start < ids.length; start += LIST_SIZE) {
    const list = ids.slice(start, start + LIST_SIZE);
    await stack.approvals.approveAll(list, developmentDecider('approver'));
    const at = performance.now();
    for (const id of list) approvedAt.set(id, at);
  }
  const approvingMs = performance.now() - started;
  await storedAll(ledger, [...keys.values()].flat(), 600_000);
  const settled = await waitForSettled(stack.awards, ids, { timeoutMs: 120_000, pollMs: 100 });
  const failed = [...settled.values()].filter((award) => award.rendering.failure !== undefined).length;
  const used = process.cpuUsage(cpu);
  const jvmAfter = jvmCpuMs(stack);
  const latencies = [...keys].flatMap(([id, documentKeys]) =>
    documentKeys.map((key) => ledger.storedAt.get(key)! - approvedAt.get(id)!),
  );
  latencies.sort((a, b) => a - b);
  const jvmSeconds = jvmBefore === undefined || jvmAfter === undefined ? undefined : (jvmAfter - jvmBefore) / 1000;
  const last = Math.max(...[...keys.values()].flat().map((key) => ledger.storedAt.get(key)!));
  const seconds = (last - started) / 1000;
  const tally = ledger.tally;
  return {
    approvals: BURST,
    documents: latencies.length,
    failed,
    approvingMs: Math.round(approvingMs),
    seconds: round(seconds, 2),
    documentsPerSecond: round(latencies.length / seconds),
    latencyP50Ms: Math.round(percentile(latencies, 50)),
    latencyP95Ms: Math.round(percentile(latencies, 95)),
    streamRecordsPerApproval: round(tally.records / BURST, 2),
    invocations: tally.invocations,
    nodeCpuSeconds: round((used.user + used.system) / 1e6, 2),
    renderSeconds: round(tally.renderMs / 1000, 2),
    jvmCpuSeconds: jvmSeconds === undefined ? undefined : round(jvmSeconds, 2),
    // DynamoDB Local's work alone, given every core, with drawing, Node and the S3 server free.
    jvmBoundDocumentsPerSecond:
      jvmSeconds === undefined ? undefined : round((availableParallelism() * latencies.length) / jvmSeconds),
  };
}

function perApproval(
  tally: Tally,
  approvals: number,
): PerApproval & { renders: Record<string, number>; renderMs: number; streamRecords: number } {
  const requests = (names: string[]) => names.reduce((sum, name) => sum + (tally.requests.get(name) ?? 0), 0);
  const documents = [...tally.renders.values()].reduce((a, b) => a + b, 0);
  return {
    documents: documents / approvals,
    invocations: tally.invocations / approvals,
    handlerMs: tally.handlerMs / approvals,
    cpuMs: tally.cpuMs / approvals,
    readUnits: tally.readUnits / approvals,
    writeUnits: tally.writeUnits / approvals,
    s3Puts: requests(['PutObject', 'PutObjectTagging', 'CopyObject']) / approvals,
    s3Gets: requests(['HeadObject', 'GetObject', 'GetObjectTagging']) / approvals,
    renders: Object.fromEntries([...tally.renders].map(([kind, count]) => [kind, count / approvals])),
    renderMs: tally.renderMs / approvals,
    streamRecords: tally.records / approvals,
  };
}

/** Each template's approvals one at a time, each counted alone (the statistics consumer stopped). */
async function perKind(stack: LocalStack, ledger: RequestLedger) {
  await stack.statisticsPoller.stop();
  const results: Record<string, ReturnType<typeof perApproval> & { requests: Record<string, number> }> = {};
  for (const template of TEMPLATES) {
    progress(`${template}: ${PER_KIND} approvals one at a time`);
    const ids = Array.from({ length: PER_KIND }, (_, i) => `${template}-alone-${i}`);
    const keys = new Map<string, string[]>();
    for (const id of ids) {
      const award = await stack.approvals.submit({ ...exampleJson(template), id }, developmentDecider('department'));
      keys.set(
        id,
        documentsFor(award.record as unknown as AwardRecord).map((kind) => documentKey(id, kind, 1)),
      );
    }
    ledger.tally = emptyTally();
    for (const id of ids) {
      await stack.approvals.approve(id, developmentDecider('approver'));
      // Waited for without reading the table, so the handler's CPU is its own.
      await storedAll(ledger, keys.get(id)!, 60_000);
      // The function's own write-back comes back through the stream: let it be handled too.
      await stack.poller.idle();
    }
    const tally = ledger.tally;
    results[template] = {
      ...perApproval(tally, PER_KIND),
      requests: Object.fromEntries([...tally.requests].map(([name, count]) => [name, round(count / PER_KIND, 2)])),
    };
  }
  return results;
}

interface Report {
  burst: Awaited<ReturnType<typeof burst>>;
  rendersPerApproval: Record<string, number>;
  perKind: Awaited<ReturnType<typeof perKind>>;
  cost: {
    per10kDocumentsUsd: number;
    inputs: {
      kind: string;
      memoryMb: number;
      perApproval: PerApproval;
      prices: typeof AWS_PRICES;
      costs: ReturnType<typeof costPer10kDocuments>[];
    };
    chromium?: { pagePdfMs: number; per10kDocumentsUsd: number };
  };
}

/** What bounds the burst on this machine: DynamoDB Local's CPU per approval, and per request. */
function printLimits(b: Report['burst'], costs: DynamoDbLocalCosts | undefined): void {
  if (b.jvmBoundDocumentsPerSecond !== undefined)
    console.log(
      `limit on this machine: DynamoDB Local's JVM used ${b.jvmCpuSeconds} s of CPU for ${b.documents} ` +
        `documents; given all ${availableParallelism()} cores, and drawing, Node and the S3 server costing ` +
        `nothing, it alone bounds the burst at ${b.jvmBoundDocumentsPerSecond} documents/s`,
    );
  if (costs === undefined) return;
  const c = costs.jvmCpuMsPerRequest;
  console.log(
    `  DynamoDB Local's JVM CPU per request (${costs.requests} of each): GetItem ${c.getItem} ms, ` +
      `a one-item transaction ${c.transactWriteOneItem} ms, a three-item one ${c.transactWriteThreeItems} ms, ` +
      `an empty GetRecords ${c.getRecordsEmpty} ms`,
  );
}

/** Cells padded to their widths: the first to the right, the rest to the left. */
const row = (cells: readonly string[], widths: readonly number[]) =>
  cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[i]!))).join(' ');

function printReport({ burst: b, perKind: kinds, cost }: Report): void {
  console.log(
    `burst: ${b.approvals} approvals (lists of ${LIST_SIZE}, written in ${b.approvingMs} ms) → ` +
      `${b.documents} documents in ${b.seconds} s = ${b.documentsPerSecond} documents/s; ` +
      `approval → stored p50 ${b.latencyP50Ms} ms, p95 ${b.latencyP95Ms} ms; ${b.failed} failed`,
  );
  console.log(
    `  ${b.streamRecordsPerApproval} stream records per approval reached the render handler ` +
      `(${b.invocations} invocations); CPU: node ${b.nodeCpuSeconds} s (render ${b.renderSeconds} s), ` +
      `DynamoDB Local's JVM ${b.jvmCpuSeconds ?? '?'} s`,
  );
  console.log('\nper approval, one at a time:');
  const widths = [29, 5, 8, 8, 11, 7, 5, 5, 7, 7];
  const header = ['template', 'docs', 'renders', 'records', 'handler ms', 'cpu ms', 'RRU', 'WRU', 'S3 put', 'S3 get'];
  console.log(`${row(header, widths)}  requests`);
  for (const [template, k] of Object.entries(kinds)) {
    const renders = Object.values(k.renders).reduce((a, c) => a + c, 0);
    const figures = [k.documents, renders, k.streamRecords].map((n) => n.toFixed(2));
    const units = [k.handlerMs, k.cpuMs, k.readUnits, k.writeUnits, k.s3Puts, k.s3Gets].map((n) => n.toFixed(1));
    const requests = Object.entries(k.requests).map(([name, count]) => `${name} ${count}`);
    console.log(`${row([template, ...figures, ...units], widths)}  ${requests.join(', ')}`);
  }
  console.log('\ncost per 10,000 certificates, us-east-1 prices (bench/pipeline/awsPrices.ts), arm64:');
  const usd = (value: number) => `$${value.toFixed(4)}`;
  for (const c of cost.inputs.costs) {
    const parts =
      `Lambda ${usd(c.lambdaUsd)} + DynamoDB ${usd(c.dynamoDbUsd)} + ` + `S3 ${usd(c.s3Usd)} + KMS ${usd(c.kmsUsd)}`;
    const stack = c.memoryMb === cost.inputs.memoryMb ? '  ← the stack' : '';
    console.log(
      `  ${String(c.memoryMb).padStart(5)} MB: ${c.durationMs.toFixed(1)} ms billed → ${parts}` +
        ` = ${usd(c.per10kDocumentsUsd)}${stack}`,
    );
  }
  if (cost.chromium)
    console.log(
      `  Chromium instead of our engine (page.pdf ${cost.chromium.pagePdfMs} ms warm, same requests, ` +
        `${cost.inputs.memoryMb} MB): ${usd(cost.chromium.per10kDocumentsUsd)}`,
    );
}

const ledger = new RequestLedger();
ledger.countRenders(DocumentEngine.prototype);
const dataDir = mkdtempSync(join(tmpdir(), 'awards-bench-'));
const stack = await startLocalStack({
  dynamodbPort: await freePort(),
  s3Port: await freePort(),
  dataDir,
  logLevel: 'SILENT',
  wrapHandler: ledger.wrapHandler,
  configureS3: ledger.countS3,
  configureDynamoDb: ledger.countDynamoDb,
  inMemory: process.env.BENCH_IN_MEMORY === '1',
});
let result: object;
try {
  const burstResult = await burst(stack, ledger);
  progress("DynamoDB Local: its JVM's CPU per request of each kind an approval makes");
  const dynamoDbLocal = await measureDynamoDbLocalCosts(stack, 'AWARD#burst-0000', () => jvmCpuMs(stack));
  printLimits(burstResult, dynamoDbLocal);
  if (options['burst-only']) result = { burst: burstResult, dynamoDbLocal };
  else result = { ...(await countAndCost(burstResult)), dynamoDbLocal };
} finally {
  await stack.stop();
}
console.log(JSON.stringify(result));

/** The per-kind counts, the cost model and the Chromium comparison, after the burst. */
async function countAndCost(burstResult: Report['burst']): Promise<Report> {
  const kinds = await perKind(stack, ledger);
  progress('Chromium: the same certificate with page.pdf, warm');
  const chromiumMs = await measureChromiumCertificate().catch((error: Error) => {
    progress(`Chromium not measured: ${error.message}`);
    return undefined;
  });
  const certificate = kinds['merit-zhang-peng']!;
  const rendersPerApproval: Record<string, number> = {};
  for (const perTemplate of Object.values(kinds))
    for (const [kind, renders] of Object.entries(perTemplate.renders)) rendersPerApproval[kind] = round(renders, 2);
  const costs = MEMORY_SIZES.map((memoryMb) => costPer10kDocuments(certificate, memoryMb));
  const chosen = costs.find((cost) => cost.memoryMb === RENDER_MEMORY_MB)!;
  const chromiumCertificate =
    chromiumMs === undefined
      ? undefined
      : costPer10kDocuments(
          {
            ...certificate,
            // Chromium's page.pdf in place of our engine's render; the same requests around it.
            handlerMs: certificate.handlerMs - certificate.renderMs + chromiumMs,
            cpuMs: certificate.cpuMs - certificate.renderMs + chromiumMs,
          },
          chosen.memoryMb,
        );
  const report: Report = {
    burst: burstResult,
    rendersPerApproval,
    perKind: kinds,
    cost: {
      per10kDocumentsUsd: round(chosen.per10kDocumentsUsd, 4),
      inputs: { kind: 'certificate', memoryMb: chosen.memoryMb, perApproval: certificate, prices: AWS_PRICES, costs },
      ...(chromiumMs === undefined || chromiumCertificate === undefined
        ? {}
        : { chromium: { pagePdfMs: round(chromiumMs), ...chromiumCertificate } }),
    },
  };
  printReport(report);
  return report;
}

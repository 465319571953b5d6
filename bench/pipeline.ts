/**
 * npm run bench:pipeline — the approval-triggered pipeline on the local stack (DynamoDB Local,
 * the S3 server, the stream poller, the render handler): documents per second and the time
 * from an approval's UpdateItem to its documents being stored, for
 *   - a burst: 500 records approved at once (latency includes the queue behind them), and
 *   - a paced run: 100 approvals at 10 per second (latency of one approval on its own).
 * Prints a table and, last, one JSON line.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBRecord } from 'aws-lambda';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { RenderHandler } from '../functions/render/createRenderHandler.js';
import { type LocalStack, startLocalStack } from '../local/LocalStack.js';
import { freePort } from '../local/ports.js';
import { waitForSettled } from '../local/waitForSettled.js';
import { exampleJson } from '../test/support/examples.js';
import { percentile } from './stats.js';

const TEMPLATES = [
  'merit-zhang-peng',
  'commendation-ce-ren',
  'honorary-title-he-jianhua',
  'telegram-sympathy-sun-dejian',
  'commendation-order-2020-12',
];

interface RunResult {
  readonly approvals: number;
  readonly documents: number;
  readonly seconds: number;
  readonly documentsPerSecond: number;
  readonly latencyP50Ms: number;
  readonly latencyP95Ms: number;
}

/** Notes when the handler has returned from the batch that stored each award's documents. */
function storedTimes() {
  const stored = new Map<string, number>();
  const wrap =
    (handler: RenderHandler): RenderHandler =>
    async (event, context) => {
      const result = await handler(event, context);
      const failed = new Set(result.batchItemFailures.map((f) => f.itemIdentifier));
      const now = performance.now();
      for (const record of event.Records as DynamoDBRecord[]) {
        if (failed.has(record.dynamodb!.SequenceNumber!)) continue;
        const id = (unmarshall(record.dynamodb!.NewImage as Record<string, AttributeValue>) as { id: string }).id;
        if (!stored.has(id)) stored.set(id, now);
      }
      return result;
    };
  return { stored, wrap };
}

async function run(
  stack: LocalStack,
  stored: Map<string, number>,
  prefix: string,
  count: number,
  perSecond: number | undefined,
): Promise<RunResult> {
  const records = [];
  for (let i = 0; i < count; i++)
    records.push(
      (await stack.approvals.submit({ ...exampleJson(TEMPLATES[i % TEMPLATES.length]!), id: `${prefix}-${i}` })).record,
    );
  const approvedAt = new Map<string, number>();
  const started = performance.now();
  for (const [index, record] of records.entries()) {
    if (perSecond !== undefined) {
      const due = started + (index * 1000) / perSecond;
      if (due > performance.now()) await new Promise((resolve) => setTimeout(resolve, due - performance.now()));
    }
    approvedAt.set(record.id, performance.now());
    await stack.approvals.approve(record.id, '审核专班');
  }
  const settled = await waitForSettled(
    stack.awards,
    records.map((r) => r.id),
    { timeoutMs: 600_000, pollMs: 50 },
  );
  const latencies = records.map((r) => stored.get(r.id)! - approvedAt.get(r.id)!).sort((a, b) => a - b);
  const last = Math.max(...records.map((r) => stored.get(r.id)!));
  const documents = [...settled.values()].reduce((sum, item) => sum + (item.documents?.length ?? 0), 0);
  const seconds = (last - started) / 1000;
  return {
    approvals: count,
    documents,
    seconds: Number(seconds.toFixed(2)),
    documentsPerSecond: Number((documents / seconds).toFixed(1)),
    latencyP50Ms: Math.round(percentile(latencies, 50)),
    latencyP95Ms: Math.round(percentile(latencies, 95)),
  };
}

const { stored, wrap } = storedTimes();
const stack = await startLocalStack({
  dynamodbPort: await freePort(),
  s3Port: await freePort(),
  dataDir: mkdtempSync(join(tmpdir(), 'awards-bench-')),
  logLevel: 'SILENT',
  wrapHandler: wrap,
});
try {
  const burst = await run(stack, stored, 'burst', 500, undefined);
  const paced = await run(stack, stored, 'paced', 100, 10);
  const row = (name: string, r: RunResult) =>
    `${name.padEnd(28)}${String(r.approvals).padStart(6)}${String(r.documents).padStart(8)}` +
    `${r.seconds.toFixed(2).padStart(9)}${r.documentsPerSecond.toFixed(1).padStart(9)}` +
    `${String(r.latencyP50Ms).padStart(9)}${String(r.latencyP95Ms).padStart(9)}`;
  console.log(
    `${'run'.padEnd(28)}${'appr.'.padStart(6)}${'docs'.padStart(8)}${'s'.padStart(9)}` +
      `${'docs/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}`,
  );
  console.log(row('burst: 500 approvals at once', burst));
  console.log(row('paced: 100 at 10 per second', paced));
  console.log(JSON.stringify({ burst, paced }));
} finally {
  await stack.stop();
}

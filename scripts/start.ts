/**
 * `npm start`: the whole pipeline on this machine, no AWS account. Starts DynamoDB Local and an
 * S3 server, creates the table and bucket from the stack's definitions, submits the example
 * records, approves them as an approver would (an UpdateItem each, nothing else), shows the
 * documents appearing, then prints where they are, and compiles the statistics bulletin.
 *   npm start -- [--once] [--fresh] [--data .local] [--out out]
 *                [--dynamodb-port 8000] [--s3-port 4569] [--api-port 8080]
 * With --once it stops when every document is stored (for CI and scripts); otherwise it keeps
 * running for `npm run awards -- --local …`, until Ctrl-C. Its data (table, objects, stream
 * positions) stays under --data across restarts, crashes included; --fresh starts empty.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { S3BulletinArchive } from '../functions/adapters/s3/S3BulletinArchive.js';
import { DocumentEngine } from '../functions/core/engine/DocumentEngine.js';
import { compileKeptBulletin } from '../functions/core/statistics/compileKeptBulletin.js';
import { summarySentence } from '../functions/core/statistics/summarySentence.js';
import { bulletinKey } from '../functions/definitions/documentsBucket.js';
import type { Award } from '../functions/core/award/Award.js';
import { DEVELOPMENT_IDENTITIES } from '../local/developmentIdentities.js';
import { DEFAULT_API_PORT, dataLayout, type LocalStack, startLocalStack } from '../local/LocalStack.js';
import { onOrphaned } from '../local/onOrphaned.js';
import { reportingRenders } from '../local/reportingRenders.js';
import { waitForSettled } from '../local/waitForSettled.js';
import { ProgressBar } from './lib/ProgressBar.js';
import { ownAuthority } from './lib/ownAuthority.js';
import { printTable } from './lib/printTable.js';
import { readRecordFile } from './lib/readRecordFile.js';
import { AuthorityRegistry } from '../functions/core/authorities/AuthorityRegistry.js';
import { DevelopmentSigners } from '../local/DevelopmentSigners.js';
import { developmentDecider } from '../local/developmentIdentities.js';

/** The examples are submitted by the department's staff and approved by its approver, as the page would. */
const SUBMITTER = developmentDecider('department');
const APPROVER = developmentDecider('approver');
function port(value: string, flag: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 65535)
    throw new Error(`--${flag} "${value}" is not a port number`);
  return number;
}

/** Waits until the pipeline has settled every record, drawing progress as documents appear. */
async function awaitDocuments(stack: LocalStack, ids: readonly string[]): Promise<Map<string, Award>> {
  const bar = new ProgressBar(ids.length, 'records');
  const items = await waitForSettled(stack.awards, ids, {
    onProgress: (settled) =>
      bar.update(
        settled.size,
        `${[...settled.values()].reduce((sum, award) => sum + award.documents.length, 0)} documents stored`,
      ),
  });
  bar.finish();
  return items;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      once: { type: 'boolean', default: false },
      fresh: { type: 'boolean', default: false },
      'dynamodb-port': { type: 'string', default: '8000' },
      's3-port': { type: 'string', default: '4569' },
      'api-port': { type: 'string', default: String(DEFAULT_API_PORT) },
      data: { type: 'string', default: '.local' },
      out: { type: 'string', default: 'out' },
    },
  });
  const authority = ownAuthority();
  // Once the examples are done and the stack keeps running, each document stored gets a line.
  let live = false;
  let reads: LocalStack['awards'] | undefined;
  const stack = await startLocalStack({
    dynamodbPort: port(values['dynamodb-port'], 'dynamodb-port'),
    s3Port: port(values['s3-port'], 's3-port'),
    apiPort: port(values['api-port'], 'api-port'),
    dataDir: values.data,
    fresh: values.fresh,
    authority,
    // The safety net behind the stream: awards lagging for over a minute are re-driven.
    sweep: { intervalMs: 2 * 60_000, graceMs: 60_000 },
    onFatal: (message) => {
      console.error(
        `error: ${message.split('\n')[0]}: the local stack cannot go on; start it again (its data is kept)`,
      );
      process.exit(1);
    },
    logLevel: 'ERROR',
    announce: true,
    wrapHandler: (handler) =>
      reportingRenders(handler, {
        read: async (id) => reads?.get(id),
        print: (line) => console.log(line),
        enabled: () => live,
      }),
  });
  reads = stack.awards;
  console.log(
    `DynamoDB Local ${stack.info.dynamodbEndpoint} (table ${stack.info.tableName}), ` +
      `S3 ${stack.info.s3Endpoint} (bucket ${stack.info.bucket})`,
  );
  console.log(`verify base URL ${stack.marks.baseUrl} (documents' codes open ${stack.marks.baseUrl}/verify/<code>)`);
  const stopAndExit = async (code: number) => {
    await stack.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void stopAndExit(130));
  process.once('SIGTERM', () => void stopAndExit(143));
  // Whatever ends what started this process (npm killed, a terminal closed), the stack ends too,
  // rather than keep its ports and JVM as an orphan.
  onOrphaned(() => void stopAndExit(1));

  const files = readdirSync('examples')
    .filter((file) => file.endsWith('.json'))
    .sort();
  // A restart finds the examples of an earlier run: they are kept as they are, not submitted again.
  const awards = [];
  let submitted = 0;
  for (const { value } of files.flatMap((file) => readRecordFile(join('examples', file)))) {
    const stored = await stack.approvals.get(String((value as { id?: unknown }).id));
    awards.push(stored ?? (await stack.approvals.submit(value, SUBMITTER)));
    if (stored === undefined) submitted++;
  }
  const records = awards.map((award) => award.record);
  const toApprove = awards.filter((award) => award.record.status === 'SUBMITTED');
  console.log(
    `${submitted} example records submitted, ${records.length - submitted} kept from an earlier run ` +
      `(${values.data}); approving ${toApprove.length}`,
  );
  if (toApprove.length > 0)
    await stack.approvals.approveAll(
      toApprove.map((award) => award.record.id),
      APPROVER,
    );

  const items = await awaitDocuments(
    stack,
    records.map((record) => record.id),
  );
  const rows: string[][] = [];
  for (const record of records) {
    const award = items.get(record.id)!;
    if (award.rendering.failure) {
      rows.push([record.id, 'FAILED', award.rendering.failure.reason, '']);
      continue;
    }
    for (const ref of award.documents) {
      // The bucket refuses to read a withdrawn document, as it does in AWS: there is nothing to copy.
      if (ref.withdrawn) {
        rows.push([record.id, `${ref.kind} v${ref.version}`, 'withdrawn', String(ref.bytes)]);
        continue;
      }
      // A copy beside the bucket's own files, to open and print.
      const object = await stack.s3.client.send(new GetObjectCommand({ Bucket: stack.info.bucket, Key: ref.key }));
      const path = join(values.out, ref.key);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, await object.Body!.transformToByteArray());
      rows.push([record.id, `${ref.kind} v${ref.version}`, path, String(ref.bytes)]);
    }
  }
  printTable(['record', 'document', 'file', 'bytes'], rows, [3]);
  const marked = [...items.values()].flatMap((award) => award.documents).find((ref) => ref.verificationCode);
  if (marked) console.log(`verify a document: ${stack.marks.baseUrl}/verify/${marked.verificationCode}`);
  const failures = [...items.values()].filter((award) => award.rendering.failure !== undefined).length;
  console.log(
    `${rows.length - failures} documents stored in s3://${stack.info.bucket} (copies under ${values.out}/)` +
      `${failures ? `; ${failures} records failed` : ''}`,
  );

  // The statistics bulletin as the schedule would compile it now, from the figures kept from the stream.
  await stack.statisticsPoller.idle();
  const cutoff = new Date().toISOString();
  const bulletin = await compileKeptBulletin(cutoff, {
    figures: stack.statistics,
    archive: new S3BulletinArchive(stack.s3.client, stack.info.bucket),
    engine: DocumentEngine.shared(),
    numbers: stack.numbers,
    authority,
    marks: stack.marks,
    verifications: stack.verifications,
    // The key the stack's render function signs with: made under --data when the stack started.
    signer: new DevelopmentSigners(dataLayout(values.data).signing).signerFor(
      AuthorityRegistry.shared().find(authority.name) ?? authority,
    ),
  });
  // A restart on the same figures, the same day, answers with the latest bulletin: its file is copied.
  const answeredKey = bulletinKey(bulletin.figures.cutoff, 'pdf');
  const bulletinPath = join(values.out, answeredKey);
  const stored = await stack.s3.client.send(new GetObjectCommand({ Bucket: stack.info.bucket, Key: answeredKey }));
  mkdirSync(dirname(bulletinPath), { recursive: true });
  writeFileSync(bulletinPath, await stored.Body!.transformToByteArray());
  console.log(
    bulletin.unchanged
      ? `statistics bulletin unchanged since ${bulletin.figures.cutoff} (${bulletin.documentNumber}) → ${bulletinPath}`
      : `statistics bulletin ${bulletin.documentNumber} → ${bulletinPath}`,
  );
  console.log(summarySentence(bulletin.figures.region));

  if (values.once) return stopAndExit(failures > 0 ? 1 : 0);
  const api = stack.api!;
  console.log(`staff page: ${api.url}/ — open it in a browser and sign in as the department's or a 盟市's staff`);
  const token = api.token(
    DEVELOPMENT_IDENTITIES.find((identity) => identity.claims['custom:region'] === '兴安盟')!.claims,
  );
  console.log(
    `staff API, for scripts (兴安盟 staff, token valid 8 h):\n` +
      `  curl -H 'authorization: Bearer ${token}' '${api.url}/awards?q=%E4%BD%95'`,
  );
  console.log(
    'the local stack keeps running: ' +
      'sign in to the staff page as 公安厅审批人 to decide awards, or try `npm run awards -- --local show <id>`; ' +
      'each document stored from now on is printed here (record, document, ms); Ctrl-C stops it',
  );
  live = true;
}

main().catch((error: unknown) => {
  console.error(`error: ${(error as Error).message}`);
  process.exit(1);
});

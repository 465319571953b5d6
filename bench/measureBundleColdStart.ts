/**
 * Cold start of the deployed render bundle: the synthesized asset itself, in fresh `node`
 * processes (no loader, NODE_OPTIONS cleared, Node's source maps off unless measured as the
 * choice it is), each handling one stream event of an approved certificate.
 *
 * - stubbed: DynamoDB, S3 and Secrets Manager answered by FakeAwsEndpoints in this process:
 *   spawn → the PDF's PutObject arrives is the target figure;
 * - local stack: DynamoDB Local and the S3 server (the stack's poller stopped so the bundle does
 *   the rendering): spawn → the handler returned, its documents stored.
 */
import { developmentDecider } from '../local/developmentIdentities.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marshall } from '@aws-sdk/util-dynamodb';
import { itemOfAward } from '../functions/adapters/dynamodb/awardItem.js';
import { awardOfRecord } from '../functions/core/award/Award.js';
import { startLocalStack } from '../local/LocalStack.js';
import { freePort } from '../local/ports.js';
import { EXAMPLE_FILES, loadExample, readExampleJson } from './benchRecords.js';
import { FakeAwsEndpoints } from './coldStart/FakeAwsEndpoints.js';
import { RenderAsset } from '../test/support/RenderAsset.js';
import { type ColdRun, spawnColdRun } from './coldStart/spawnColdRun.js';
import { median } from './stats.js';

const SECRET = 'k7'.repeat(32);
const CHANGED_AT = '2020-03-02T00:00:00.000Z';

/** Medians over the runs, each from spawn (ms). */
export interface StubbedColdStart {
  readonly runs: number;
  readonly sourceMaps: boolean;
  /** Node boots: spawn → the child's clock starts. */
  readonly bootMs: number;
  /** + the bundle's modules evaluated (index.mjs imported). */
  readonly evaluatedMs: number;
  /** + the handler's first AWS request (the secret or the award read). */
  readonly firstRequestMs: number;
  /** + the last read before the first S3 request (the secret, the award): rendering starts after it. */
  readonly readsDoneMs: number;
  /** + the PDF put into the bucket: fonts loaded, the first render, its HeadObject. The target. */
  readonly pdfStoredMs: number;
  /** + the award and its verification code written, the handler returned. */
  readonly handledMs: number;
  readonly exitMs: number;
}

export interface LocalStackColdStart {
  readonly runs: number;
  /** Spawn → the handler returned, its certificate stored in the S3 server and the award updated. */
  readonly storedMs: number;
  readonly exitMs: number;
}

export interface BundleColdStart {
  readonly codeBytes: number;
  readonly sourceMapBytes: number;
  readonly stubbed: StubbedColdStart;
  readonly stubbedWithSourceMaps: StubbedColdStart;
  readonly localStack: LocalStackColdStart | { readonly notMeasured: string };
}

function streamEvent(item: Record<string, unknown>): unknown {
  const NewImage = marshall(item, { removeUndefinedValues: true });
  return { Records: [{ eventName: 'MODIFY', dynamodb: { NewImage, SequenceNumber: '1' } }] };
}

function expectNoFailures(run: ColdRun): void {
  const failures = (run.response as { batchItemFailures?: unknown[] }).batchItemFailures;
  if (failures?.length !== 0) throw new Error(`the bundle's handler failed: ${JSON.stringify(run.response)}`);
}

async function measureStubbed(asset: RenderAsset, runs: number, sourceMaps: boolean): Promise<StubbedColdStart> {
  const item = itemOfAward(awardOfRecord(loadExample(EXAMPLE_FILES.certificate)), CHANGED_AT);
  const fake = await FakeAwsEndpoints.start(item, SECRET);
  const url = fake.url;
  const environment = asset.environment(
    { dynamodb: url, s3: url, secretsManager: url },
    { table: 'awards', bucket: 'documents' },
  );
  const phases: Omit<StubbedColdStart, 'runs' | 'sourceMaps'>[] = [];
  try {
    // Sequential: processes side by side would compete for the CPU and inflate each other's times.
    for (let i = 0; i < runs; i++) {
      const pdfStored = fake.nextPdfStored();
      const run = await spawnColdRun({ indexFile: asset.indexFile, event: streamEvent(item), environment, sourceMaps });
      expectNoFailures(run);
      const ofRun = fake.requests.filter((request) => request.at >= run.spawnedAt);
      const firstS3 = ofRun.findIndex((request) => /^(HEAD|PUT|GET) /.test(request.what));
      const reads = firstS3 < 0 ? ofRun : ofRun.slice(0, firstS3);
      phases.push({
        bootMs: run.bootMs,
        evaluatedMs: run.evaluatedMs,
        firstRequestMs: ofRun[0]!.at - run.spawnedAt,
        readsDoneMs: reads.at(-1)!.at - run.spawnedAt,
        pdfStoredMs: (await pdfStored) - run.spawnedAt,
        handledMs: run.handledMs,
        exitMs: run.exitMs,
      });
    }
  } finally {
    await fake.close();
  }
  const medianOf = (pick: (phase: (typeof phases)[number]) => number) => median(phases.map(pick));
  return {
    runs,
    sourceMaps,
    bootMs: medianOf((p) => p.bootMs),
    evaluatedMs: medianOf((p) => p.evaluatedMs),
    firstRequestMs: medianOf((p) => p.firstRequestMs),
    readsDoneMs: medianOf((p) => p.readsDoneMs),
    pdfStoredMs: medianOf((p) => p.pdfStoredMs),
    handledMs: medianOf((p) => p.handledMs),
    exitMs: medianOf((p) => p.exitMs),
  };
}

async function measureOnLocalStack(asset: RenderAsset, runs: number): Promise<LocalStackColdStart> {
  const stack = await startLocalStack({
    dynamodbPort: await freePort(),
    s3Port: await freePort(),
    dataDir: mkdtempSync(join(tmpdir(), 'bench-cold-')),
    logLevel: 'SILENT',
  });
  // Only the secret is stubbed: the stack keeps its own in a file, the bundle asks Secrets Manager.
  const secrets = await FakeAwsEndpoints.start({}, SECRET);
  try {
    // The stack's own poller would render first: the bundle is to do it.
    await stack.poller.stop();
    const environment = asset.environment(
      { dynamodb: stack.info.dynamodbEndpoint, s3: stack.info.s3Endpoint, secretsManager: secrets.url },
      { table: stack.info.tableName, bucket: stack.info.bucket },
    );
    const timed: ColdRun[] = [];
    for (let i = 0; i < runs; i++) {
      const { record } = await stack.approvals.submit(
        {
          ...readExampleJson(EXAMPLE_FILES.certificate),
          id: `cold-start-${i}`,
        },
        developmentDecider('department'),
      );
      const item = itemOfAward(await stack.approvals.approve(record.id, developmentDecider('approver')), CHANGED_AT);
      const run = await spawnColdRun({
        indexFile: asset.indexFile,
        event: streamEvent(item),
        environment,
        sourceMaps: false,
      });
      expectNoFailures(run);
      timed.push(run);
    }
    return { runs, storedMs: median(timed.map((r) => r.handledMs)), exitMs: median(timed.map((r) => r.exitMs)) };
  } finally {
    await secrets.close();
    await stack.stop();
  }
}

export async function measureBundleColdStart(
  runs: number,
  progress: (message: string) => void,
): Promise<BundleColdStart> {
  progress('cold start: synthesizing the CDK app for the render function asset');
  const asset = RenderAsset.synthesize();
  progress(`cold start: ${runs} fresh processes on the asset, storage stubbed; then with --enable-source-maps`);
  const stubbed = await measureStubbed(asset, runs, false);
  const stubbedWithSourceMaps = await measureStubbed(asset, runs, true);
  progress(`cold start: ${runs} fresh processes on the asset against the local stack`);
  const localStack = await measureOnLocalStack(asset, runs).catch((error: unknown) => ({
    notMeasured: error instanceof Error ? error.message : String(error),
  }));
  return {
    codeBytes: asset.codeBytes,
    sourceMapBytes: asset.sourceMapBytes,
    stubbed,
    stubbedWithSourceMaps,
    localStack,
  };
}

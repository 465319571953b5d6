import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBRecord } from 'aws-lambda';
import { DynamoDbAwardStore } from '../functions/adapters/dynamodb/DynamoDbAwardStore.js';
import { DynamoDbHeldNumbers } from '../functions/adapters/dynamodb/DynamoDbHeldNumbers.js';
import { ReviewDesk } from '../functions/core/desk/ReviewDesk.js';
import { DraftDocuments } from '../functions/core/documents/renderDrafts.js';
import { createDeskHandler } from '../functions/desk/createDeskHandler.js';
import { AwardWorkflow } from '../functions/core/award/AwardWorkflow.js';
import { S3DocumentRepository } from '../functions/adapters/s3/S3DocumentRepository.js';
import { AWARDS_TABLE } from '../functions/definitions/awardsTable.js';
import { DOCUMENTS_BUCKET } from '../functions/definitions/documentsBucket.js';
import { METRICS_NAMESPACE } from '../functions/definitions/metrics.js';
import { RENDER_EVENT_SOURCE } from '../functions/definitions/renderEventSource.js';
import { createRenderHandler, type RenderHandler } from '../functions/render/createRenderHandler.js';
import { DynamoDbStatisticsRepository } from '../functions/adapters/dynamodb/DynamoDbStatisticsRepository.js';
import { matchesFilter, STATISTICS_FILTER_PATTERNS } from '../functions/definitions/streamFilters.js';
import { createStatisticsHandler, type StatisticsHandler } from '../functions/statistics/createStatisticsHandler.js';
import { createAwardsTable, createDocumentsBucket } from './createResources.js';
import { type DynamoDbLocal, endStaleDynamoDbLocal, startDynamoDbLocal } from './DynamoDbLocal.js';
import { assertPortFree } from './ports.js';
import { type S3Local, startS3Local } from './S3Local.js';
import { type LocalStackInfo, STACK_FILE_NAME } from './stackFile.js';
import { StreamPoller } from './StreamPoller.js';
import { FileShardPositions } from './ShardPositions.js';
import { FileAuditTrail } from './FileAuditTrail.js';
import { keepPrivate } from './keepPrivate.js';
import { DynamoDbLaggingAwards } from '../functions/adapters/dynamodb/DynamoDbLaggingAwards.js';
import { Sweep, type SweepReport } from '../functions/core/sweep/Sweep.js';
import { createPipeline, logTo } from '../functions/render/createPipeline.js';
import type { StaffSignIn } from '../functions/staffPage/StaffPageConfig.js';
import { type StaffServer, startStaffServer } from './StaffServer.js';
import { DynamoDbAwardQueries } from '../functions/adapters/dynamodb/DynamoDbAwardQueries.js';
import { S3BulletinArchive } from '../functions/adapters/s3/S3BulletinArchive.js';
import { S3DocumentLinks } from '../functions/adapters/s3/S3DocumentLinks.js';
import { LinksService } from '../functions/core/links/LinksService.js';
import { createLinksHandler } from '../functions/links/createLinksHandler.js';
import { DynamoDbVerifications } from '../functions/adapters/dynamodb/DynamoDbVerifications.js';
import { VerificationMarks } from '../functions/core/verification/VerificationMarks.js';
import { VerificationService } from '../functions/core/verification/VerificationService.js';
import { createVerifyHandler } from '../functions/verify/createVerifyHandler.js';
import { DevelopmentSigners } from './DevelopmentSigners.js';
import { FileVerificationSecret } from './FileVerificationSecret.js';

export interface LocalStackOptions {
  readonly dynamodbPort: number;
  readonly s3Port: number;
  /**
   * Folder for the stack's data, kept across restarts: DynamoDB Local's database (dynamodb/), the
   * S3 server's files (s3/) and each stream consumer's position (positions/).
   */
  readonly dataDir: string;
  /** Start empty: remove the data a previous run left in `dataDir`. */
  readonly fresh?: boolean;
  /** Keep the table in memory (tests that need no restart run faster); the S3 files are still kept. */
  readonly inMemory?: boolean;
  /**
   * Run the sweep at start and then every `intervalMs`, re-driving awards that have lagged for
   * more than `graceMs` (none when undefined; `sweep()` runs one at any time).
   */
  readonly sweep?: { readonly intervalMs: number; readonly graceMs: number };
  /** Called once if DynamoDB Local dies under the stack (default: a line on stderr). */
  readonly onFatal?: (message: string) => void;
  readonly tableName?: string;
  readonly bucket?: string;
  /** Powertools log level of the render function (its JSON lines go to stdout). */
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';
  /** The deployment's own authority, as cdk.json's context names it: it numbers its records that give no code. */
  readonly authority?: { readonly name: string; readonly code: string };
  /** Tests wrap the handler (to deliver every batch twice) or the S3 client (to inject failures). */
  readonly wrapHandler?: (handler: RenderHandler) => RenderHandler;
  readonly wrapStatisticsHandler?: (handler: StatisticsHandler) => StatisticsHandler;
  readonly configureS3?: (client: S3Client) => void;
  readonly configureDynamoDb?: (client: DynamoDBClient) => void;
  readonly onDeadLetter?: (record: DynamoDBRecord, error: unknown) => void;
  /** Retries of a failing stream record before it is dead-lettered (default: the deployed setting). */
  readonly retries?: number;
  /** Serve the staff page and its API on 127.0.0.1 at this port (none when undefined). */
  readonly apiPort?: number;
  /** How the staff page signs in (default: development identities). */
  readonly staffSignIn?: StaffSignIn;
  /**
   * Where documents' QR codes send their readers (default: this stack's staff server, which serves
   * /verify/<code>; without one, the address `npm start` serves it at).
   */
  readonly verifyBaseUrl?: string;
  /** Write `<dataDir>/stack.json`, so that `npm run awards -- --local` finds this stack (default dataDir). */
  readonly announce?: boolean;
}

export interface LocalStack {
  readonly info: LocalStackInfo;
  readonly dynamodb: DynamoDbLocal;
  readonly s3: S3Local;
  /** What approvers do (submit, approve, revoke, deliver, correct), as the approvers' tool does it. */
  readonly approvals: AwardWorkflow;
  readonly awards: DynamoDbAwardStore;
  readonly poller: StreamPoller;
  readonly statisticsPoller: StreamPoller;
  readonly statistics: DynamoDbStatisticsRepository;
  /** The 文号 of documents that are not awards (the statistics bulletin), from the awards' sequences. */
  readonly numbers: DynamoDbHeldNumbers;
  /** The stack's verification marks (its secret under `dataDir`, and its verify base URL). */
  readonly marks: VerificationMarks;
  /** Verification codes in the table: where the bulletin records its own, and what /verify reads. */
  readonly verifications: DynamoDbVerifications;
  readonly api: StaffServer | undefined;
  /** Every link the staff API handed out or refused. */
  readonly audit: FileAuditTrail;
  /** Re-drives the awards whose documents have lagged behind their state for more than `graceMs`. */
  sweep(graceMs?: number): Promise<SweepReport>;
  stop(): Promise<void>;
}

/** The staff server's port when `npm start` is given none: where an API-less stack's codes still point. */
export const DEFAULT_API_PORT = 8080;

/**
 * How long a caught-up poller waits before reading its shard again: Lambda polls a stream's shards
 * four times a second. (At 50 ms, two idle pollers kept DynamoDB Local's JVM a third busy.) A
 * poller that found records reads again at once.
 */
const IDLE_POLL_MS = 250;
/** A failed batch is retried after 50 ms, then 100, 200…: a passing fault costs little. */
const RETRY_BASE_MS = 50;

/** Where a stack keeps its data under `dataDir`. */
export function dataLayout(dataDir: string) {
  return {
    dynamodb: join(dataDir, 'dynamodb'),
    s3: join(dataDir, 's3'),
    positions: join(dataDir, 'positions'),
    pidFile: join(dataDir, 'dynamodb-local.pid'),
    /**
     * Every link handed out or refused, one JSON line each, chained by hashes (npm run awards --
     * --local audit <id>).
     */
    audit: join(dataDir, 'audit.jsonl'),
    /** The verification codes' HMAC key, made once (mode 0600) and kept, --fresh included. */
    verificationSecret: join(dataDir, 'verification-secret'),
    /** The development signing key and its self-signed certificate, made once and kept, --fresh included. */
    signing: join(dataDir, 'signing'),
  };
}

/**
 * The whole pipeline on one machine: DynamoDB Local with the awards table and its stream, an S3
 * server with the documents bucket, both created from the definitions the CDK stack uses, and
 * the render function's own handler fed by a poller that applies the deployed filter.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const tableName = options.tableName ?? AWARDS_TABLE.defaultName;
  const bucket = options.bucket ?? DOCUMENTS_BUCKET.defaultName;
  const layout = dataLayout(options.dataDir);
  // A JVM that a killed run left behind is ended first: it may hold the port checked next.
  await endStaleDynamoDbLocal(layout.pidFile);
  // Both ports next: a second stack must fail before it touches the first one's files.
  await assertPortFree(options.dynamodbPort, '--dynamodb-port');
  await assertPortFree(options.s3Port, '--s3-port');
  keepPrivate(options.dataDir);
  // --fresh starts empty on purpose (the audit trail is kept: it is never rewritten). An in-memory
  // table starts empty anyway, and positions in an earlier run's stream mean nothing to it.
  const discarded = [
    ...(options.fresh ? [layout.dynamodb, layout.s3] : []),
    ...(options.fresh || options.inMemory ? [layout.positions] : []),
  ];
  for (const folder of discarded) rmSync(folder, { recursive: true, force: true });
  // The trail's chain is checked before anything can be appended to it.
  const audit = new FileAuditTrail(layout.audit);
  await audit.open();
  const consumers: StreamPoller[] = [];
  const dynamodb = await startDynamoDbLocal({
    port: options.dynamodbPort,
    pidFile: layout.pidFile,
    dbPath: options.inMemory ? undefined : layout.dynamodb,
    onUnexpectedExit: (reason) => {
      // Nothing can be read or written any more: the consumers stop rather than fail for ever.
      for (const consumer of consumers) void consumer.stop();
      (options.onFatal ?? ((message) => console.error(message)))(reason);
    },
  });
  let s3: S3Local;
  try {
    s3 = await startS3Local({ port: options.s3Port, directory: layout.s3 });
  } catch (error) {
    await dynamodb.stop();
    throw error;
  }
  const streamArn = await createAwardsTable(dynamodb.client, tableName);
  await createDocumentsBucket(s3.client, bucket);
  options.configureS3?.(s3.client);
  options.configureDynamoDb?.(dynamodb.client);

  // There is no CloudWatch here: the handler's metrics are counted nowhere rather than printed.
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  const awards = new DynamoDbAwardStore(dynamodb.client, tableName);
  const marks = new VerificationMarks(
    new FileVerificationSecret(layout.verificationSecret),
    options.verifyBaseUrl ?? `http://127.0.0.1:${options.apiPort ?? DEFAULT_API_PORT}`,
  );
  const verifications = new DynamoDbVerifications(dynamodb.client, tableName);
  const pipelineSetup = {
    awards,
    documents: new S3DocumentRepository(s3.client, bucket),
    authority: options.authority,
    marks,
    // Each authority signs its own documents with a development key whose certificate names it.
    signers: new DevelopmentSigners(layout.signing),
    logger: new Logger({ serviceName: 'render', logLevel: options.logLevel ?? 'WARN' }),
    metrics: new Metrics({ namespace: METRICS_NAMESPACE, serviceName: 'render' }),
  };
  const handler = createRenderHandler(pipelineSetup);
  // Each consumer keeps its place in the stream, as Lambda's event source mappings do.
  const positions = (consumer: string) =>
    options.inMemory ? {} : { positions: new FileShardPositions(join(layout.positions, `${consumer}.json`)) };
  const poller = new StreamPoller({
    streams: dynamodb.streams,
    streamArn,
    handler: options.wrapHandler ? options.wrapHandler(handler) : handler,
    batchSize: RENDER_EVENT_SOURCE.batchSize,
    maxRetries: options.retries ?? RENDER_EVENT_SOURCE.retryAttempts,
    startingPosition: RENDER_EVENT_SOURCE.startingPosition,
    pollIntervalMs: IDLE_POLL_MS,
    retryBaseMs: RETRY_BASE_MS,
    ...positions('render'),
    ...(options.onDeadLetter ? { onDeadLetter: options.onDeadLetter } : {}),
  });
  poller.start();
  consumers.push(poller);
  // The statistics function reads the same stream through its own filter, as a second consumer.
  const statistics = new DynamoDbStatisticsRepository(dynamodb.client, tableName);
  const statisticsHandler = createStatisticsHandler({
    statistics,
    logger: new Logger({ serviceName: 'statistics', logLevel: options.logLevel ?? 'WARN' }),
  });
  const statisticsPoller = new StreamPoller({
    streams: dynamodb.streams,
    streamArn,
    handler: options.wrapStatisticsHandler ? options.wrapStatisticsHandler(statisticsHandler) : statisticsHandler,
    filter: (record) => matchesFilter(record, STATISTICS_FILTER_PATTERNS as never),
    batchSize: RENDER_EVENT_SOURCE.batchSize,
    maxRetries: options.retries ?? RENDER_EVENT_SOURCE.retryAttempts,
    startingPosition: RENDER_EVENT_SOURCE.startingPosition,
    pollIntervalMs: IDLE_POLL_MS,
    retryBaseMs: RETRY_BASE_MS,
    ...positions('statistics'),
    ...(options.onDeadLetter ? { onDeadLetter: options.onDeadLetter } : {}),
  });
  statisticsPoller.start();
  consumers.push(statisticsPoller);

  // The sweep's lines say what it re-drove (WARN): the local stack shows them unless told to be silent.
  const sweepLogger = new Logger({ serviceName: 'sweep', logLevel: options.logLevel === 'SILENT' ? 'SILENT' : 'WARN' });
  const sweeper = new Sweep({
    lagging: new DynamoDbLaggingAwards(dynamodb.client, tableName),
    awards,
    pipeline: createPipeline({ ...pipelineSetup, logger: sweepLogger }),
    log: logTo(sweepLogger),
    metrics: { count: () => {} },
  });
  const sweep = (graceMs = options.sweep?.graceMs ?? 0) => sweeper.run(new Date(Date.now() - graceMs));
  let sweeping: Promise<unknown> | undefined;
  let dueMeanwhile = false;
  let stopped = false;
  const sweepNow = () => {
    // A sweep still at work when the next is due goes on alone (two would render the same awards side
    // by side, and the loser's put could replace the object the winner recorded), and the next one
    // starts as soon as it is done: what it found failing early may work now.
    if (sweeping) {
      dueMeanwhile = true;
      return;
    }
    sweeping = sweep()
      .catch((error: unknown) => console.error(`sweep failed: ${(error as Error).message}`))
      .finally(() => {
        sweeping = undefined;
        if (dueMeanwhile && !stopped) sweepNow();
        dueMeanwhile = false;
      });
  };
  const sweepTimer = options.sweep && setInterval(sweepNow, options.sweep.intervalMs).unref();
  if (options.sweep) sweepNow();

  const apiLogger = new Logger({ serviceName: 'links', logLevel: options.logLevel ?? 'WARN' });
  // Approvers see drafts drawn as the render function would draw them, and decide through the same workflow.
  const drafts = new DraftDocuments(options.authority ? { ownAuthority: options.authority } : {});
  const approvals = new AwardWorkflow(awards, undefined, drafts);
  const api =
    options.apiPort === undefined
      ? undefined
      : await startStaffServer({
          port: options.apiPort,
          ...(options.staffSignIn ? { signIn: options.staffSignIn } : {}),
          audit,
          handler: createLinksHandler({
            service: new LinksService({
              awards: new DynamoDbAwardQueries(dynamodb.client, tableName),
              links: new S3DocumentLinks(s3.client, bucket),
              bulletins: new S3BulletinArchive(s3.client, bucket),
              audit,
            }),
            audit,
            logger: apiLogger,
          }),
          desk: createDeskHandler({
            desk: new ReviewDesk({
              awards: new DynamoDbAwardQueries(dynamodb.client, tableName),
              workflow: approvals,
              drafts,
              audit,
            }),
            audit,
            logger: new Logger({ serviceName: 'desk', logLevel: options.logLevel ?? 'WARN' }),
          }),
          verify: createVerifyHandler({
            service: new VerificationService({ index: verifications, awards: verifications }),
            logger: apiLogger,
          }),
        });

  const info: LocalStackInfo = { dynamodbEndpoint: dynamodb.endpoint, s3Endpoint: s3.endpoint, tableName, bucket };
  const stackFile = join(options.dataDir, STACK_FILE_NAME);
  if (options.announce) {
    const announced = {
      pid: process.pid,
      startedAt: new Date().toISOString(),
      ...(api ? { apiUrl: api.url } : {}),
      ...info,
    };
    writeFileSync(stackFile, `${JSON.stringify(announced, null, 2)}\n`);
  }
  return {
    info,
    dynamodb,
    s3,
    approvals,
    awards,
    poller,
    statisticsPoller,
    statistics,
    numbers: new DynamoDbHeldNumbers(dynamodb.client, tableName),
    marks,
    verifications,
    api,
    audit,
    sweep,
    async stop() {
      if (sweepTimer) clearInterval(sweepTimer);
      stopped = true;
      await sweeping;
      await api?.stop();
      await poller.stop();
      await statisticsPoller.stop();
      await s3.stop();
      await dynamodb.stop();
      if (options.announce) rmSync(stackFile, { force: true });
    },
  };
}

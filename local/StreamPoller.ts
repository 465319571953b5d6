import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type DynamoDBStreamsClient,
  type GetRecordsCommandOutput,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { matchesFilter } from '../functions/definitions/streamFilters.js';
import { LocalStackError } from './LocalStackError.js';
import type { ShardPosition, ShardPositions } from './ShardPositions.js';
import { toLambdaStreamRecord } from './toLambdaStreamRecord.js';

export type StartingPosition = 'TRIM_HORIZON' | 'LATEST';

export interface StreamPollerOptions {
  streams: DynamoDBStreamsClient;
  streamArn: string;
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler may return nothing, as Lambda's handler types allow
  handler: (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | void>;
  /** Most records per invocation (and per GetRecords call). */
  batchSize?: number;
  /** Pause between reads once a shard is caught up. */
  pollIntervalMs?: number;
  /** The first retry's backoff, doubled for each retry after it (default: pollIntervalMs). */
  retryBaseMs?: number;
  /** Retries of a failing record (or batch) before it is dead-lettered. */
  maxRetries?: number;
  /** Which records reach the handler, in the Lambda event shape; the deployed filter by default. */
  filter?: (record: DynamoDBRecord) => boolean;
  /** Receives a record given up on after its retries; by default one JSON line on stderr. */
  onDeadLetter?: (record: DynamoDBRecord, error: unknown) => void;
  /** Receives failures of the streams API itself (the poller retries); by default one JSON line on stderr. */
  onError?: (error: unknown) => void;
  startingPosition?: StartingPosition;
  /** Where to keep each shard's position once a batch is done, so that a restart resumes there. */
  positions?: ShardPositions;
}

/** What the poller knows of one shard: where it is, and what it has read but not yet checkpointed. */
interface ShardState {
  id: string;
  parentId: string | undefined;
  initialPosition: StartingPosition;
  iterator: string | undefined;
  /** The last record read from the shard, handled or filtered out: where to resume if the iterator expires. */
  lastSequenceNumber: string | undefined;
  /** Where an earlier run left the shard, until the shard is read again. */
  resumeFrom: ShardPosition | undefined;
  /** Records read that passed the filter and are not yet checkpointed, oldest first. */
  pending: DynamoDBRecord[];
  /** How many of `pending` the next invocation gets: halved while isolating a record that throws. */
  window: number;
  isolating: boolean;
  /** Failed invocations with pending[0] first. */
  attempts: number;
  retryAt: number;
  /** GetRecords returned no next iterator: the shard is closed and read to its end. */
  closed: boolean;
}

type StepResult = 'caught-up' | 'waiting' | 'progress';

interface IdleWaiter {
  /** Cycles begun when idle() was called: only a later cycle may resolve it. */
  after: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

const MAX_BACKOFF_MS = 5_000;
/** firstFailure's answer when the batch failed as a whole: the handler threw, or named no record of it. */
const WHOLE_BATCH = -1;

/**
 * Does for one table's stream what Lambda's DynamoDB event source mapping does: reads every
 * shard in order (a child after its parent), turns records into the Lambda event shape, drops
 * those the filter rejects, and invokes the handler with one batch in flight per shard. A batch
 * that throws is retried whole; a partial batch response checkpoints before the lowest failed
 * record and retries from it. A record that still fails after `maxRetries` is dead-lettered and
 * the shard moves on, so one bad record cannot stop the pipeline.
 */
export class StreamPoller {
  private readonly streams: DynamoDBStreamsClient;
  private readonly streamArn: string;
  private readonly handler: StreamPollerOptions['handler'];
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly retryBaseMs: number;
  private readonly maxRetries: number;
  private readonly filter: (record: DynamoDBRecord) => boolean;
  private readonly onDeadLetter: (record: DynamoDBRecord, error: unknown) => void;
  private readonly onError: (error: unknown) => void;
  private readonly startingPosition: StartingPosition;
  private readonly positions: ShardPositions | undefined;
  /** What is kept of each shard's position: saved when it moves. */
  private readonly saved: Map<string, ShardPosition>;

  private readonly shards = new Map<string, ShardState>();
  private readonly finishedShards = new Set<string>();
  private described = false;
  private needsDescribe = true;
  private running = false;
  private loop: Promise<void> | undefined;
  private cycles = 0;
  private waiters: IdleWaiter[] = [];
  private wake: (() => void) | undefined;

  constructor(options: StreamPollerOptions) {
    this.streams = options.streams;
    this.streamArn = options.streamArn;
    this.handler = options.handler;
    this.batchSize = options.batchSize ?? 100;
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.retryBaseMs = options.retryBaseMs ?? this.pollIntervalMs;
    this.maxRetries = options.maxRetries ?? 3;
    this.filter = options.filter ?? ((record) => matchesFilter(record));
    this.onDeadLetter = options.onDeadLetter ?? printDeadLetter;
    this.onError = options.onError ?? printStreamError;
    this.startingPosition = options.startingPosition ?? 'TRIM_HORIZON';
    this.positions = options.positions;
    this.saved = this.positions?.load() ?? new Map();
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1 || this.batchSize > 1000) {
      throw new LocalStackError(
        `batchSize ${this.batchSize} is out of range: ` +
          `pass a whole number from 1 to 1000 (GetRecords returns at most 1000)`,
      );
    }
    if (!Number.isInteger(this.maxRetries) || this.maxRetries < 0) {
      throw new LocalStackError(`maxRetries ${this.maxRetries} is out of range: pass a whole number, 0 or more`);
    }
  }

  /** Starts polling; a poller stopped earlier resumes where it stopped. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops polling once the batches in flight have been handled. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
    for (const waiter of this.waiters.splice(0))
      waiter.reject(new LocalStackError('the stream poller was stopped before it was idle'));
  }

  /**
   * Resolves once every shard has been read to its current end, with nothing pending or in
   * flight, by reads that began after this call: records written before it have been handled.
   */
  idle(): Promise<void> {
    if (!this.running)
      return Promise.reject(new LocalStackError('the stream poller is not running: call start() before idle()'));
    return new Promise((resolve, reject) => this.waiters.push({ after: this.cycles, resolve, reject }));
  }

  private async run(): Promise<void> {
    let consecutiveErrors = 0;
    while (this.running) {
      const cycle = ++this.cycles;
      let pauseMs = 0;
      const failures: unknown[] = [];
      try {
        if (this.needsDescribe) await this.describeShards();
        const ready = [...this.shards.values()].filter(
          (shard) => shard.parentId === undefined || !this.shards.has(shard.parentId),
        );
        // allSettled, not all: a shard whose read failed must not start a new cycle while
        // another shard's batch is still in flight.
        const settled = await Promise.allSettled(ready.map((shard) => this.step(shard)));
        const results = settled.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : 'progress'));
        failures.push(...settled.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : [])));
        if (results.every((result) => result === 'caught-up')) this.resolveWaiters(cycle);
        // Go on at once while there is work; otherwise sleep until a retry is due or it is time to poll.
        if (!results.includes('progress')) {
          const due = ready
            .filter((_, index) => results[index] === 'waiting')
            .map((shard) => shard.retryAt - Date.now());
          pauseMs = Math.max(0, Math.min(this.pollIntervalMs, ...due));
        }
      } catch (error) {
        failures.push(error);
      }
      if (failures.length > 0) {
        for (const failure of failures) this.onError(failure);
        consecutiveErrors++;
        pauseMs = Math.min(this.retryBaseMs * 2 ** consecutiveErrors, MAX_BACKOFF_MS);
      } else {
        consecutiveErrors = 0;
      }
      if (pauseMs > 0 && this.running) await this.pause(pauseMs);
    }
  }

  /** One read or one invocation for a shard. */
  private async step(shard: ShardState): Promise<StepResult> {
    if (shard.pending.length > 0) {
      if (Date.now() < shard.retryAt) return 'waiting';
      await this.invoke(shard);
      return 'progress';
    }
    if (shard.closed) {
      // Its children, if any, become readable: find them.
      this.shards.delete(shard.id);
      this.finishedShards.add(shard.id);
      this.keepPosition(shard.id, { finished: true });
      this.needsDescribe = true;
      return 'progress';
    }
    shard.iterator ??= await this.shardIterator(shard);
    let response: GetRecordsCommandOutput;
    try {
      response = await this.streams.send(
        new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: this.batchSize }),
      );
    } catch (error) {
      if ((error as Error).name === 'ExpiredIteratorException') {
        shard.iterator = undefined;
        return 'progress';
      }
      throw error;
    }
    shard.iterator = response.NextShardIterator;
    shard.closed = response.NextShardIterator === undefined;
    const records = response.Records ?? [];
    if (records.length === 0) return shard.closed ? 'progress' : 'caught-up';
    shard.lastSequenceNumber = records.at(-1)?.dynamodb?.SequenceNumber;
    // Records the filter rejects are dropped, as Lambda drops them: never delivered, never retried.
    shard.pending = records
      .map((record) => toLambdaStreamRecord(record, this.streamArn))
      .filter((record) => this.filter(record));
    if (shard.pending.length > 0) await this.invoke(shard);
    else this.keepShardPosition(shard);
    return 'progress';
  }

  private async invoke(shard: ShardState): Promise<void> {
    try {
      await this.invokeOnce(shard);
    } finally {
      this.keepShardPosition(shard);
    }
  }

  private async invokeOnce(shard: ShardState): Promise<void> {
    const batch = shard.pending.slice(0, shard.window);
    let failedAt: number | undefined;
    let error: unknown;
    try {
      failedAt = firstFailure(batch, await this.handler({ Records: batch }));
      if (failedAt !== undefined)
        error = new Error(`the handler's batch response reported ${describeFailure(batch, failedAt)} as failed`);
    } catch (thrown) {
      error = thrown;
      failedAt = WHOLE_BATCH;
    }

    if (failedAt === undefined) {
      shard.pending = shard.pending.slice(batch.length);
      shard.attempts = 0;
      if (shard.pending.length === 0) this.resetWindow(shard);
      return;
    }
    if (failedAt > 0) {
      // Checkpoint before the lowest failed record: the ones before it are done.
      shard.pending = shard.pending.slice(failedAt);
      shard.attempts = 0;
    }
    shard.attempts++;
    shard.retryAt = 0;
    if (failedAt === WHOLE_BATCH && batch.length > 1) {
      // Retry the batch whole first (the error may be passing), then halve it until the record
      // that fails is alone. (Lambda's BisectBatchOnFunctionError halves at once; here a passing
      // error is given its retries first, so local runs give up on fewer records.)
      if (shard.isolating || shard.attempts > this.maxRetries) {
        shard.isolating = true;
        shard.window = Math.ceil(batch.length / 2);
        return;
      }
    } else if (shard.attempts > this.maxRetries || (shard.isolating && failedAt === WHOLE_BATCH)) {
      // Found alone by bisection (its batch already used the retries), or out of retries itself.
      this.deadLetter(shard, error);
      return;
    }
    shard.retryAt = Date.now() + Math.min(this.retryBaseMs * 2 ** (shard.attempts - 1), MAX_BACKOFF_MS);
  }

  private deadLetter(shard: ShardState, error: unknown): void {
    const [record] = shard.pending.splice(0, 1);
    shard.attempts = 0;
    this.resetWindow(shard);
    if (record !== undefined) this.onDeadLetter(record, error);
  }

  private resetWindow(shard: ShardState): void {
    shard.window = this.batchSize;
    shard.isolating = false;
  }

  /** Everything before pending[0] is done; with nothing pending, everything read is. */
  private keepShardPosition(shard: ShardState): void {
    const next = shard.pending[0]?.dynamodb?.SequenceNumber;
    if (next !== undefined) this.keepPosition(shard.id, { at: next });
    else if (shard.lastSequenceNumber !== undefined) this.keepPosition(shard.id, { after: shard.lastSequenceNumber });
  }

  private keepPosition(shardId: string, position: ShardPosition): void {
    if (this.positions === undefined) return;
    if (JSON.stringify(this.saved.get(shardId)) === JSON.stringify(position)) return;
    this.saved.set(shardId, position);
    this.positions.save(this.saved);
  }

  /** Where to read a shard from: after the last record read, where an earlier run left it, or its initial position. */
  private async shardIterator(shard: ShardState): Promise<string> {
    const resume = shard.resumeFrom;
    const position =
      shard.lastSequenceNumber !== undefined
        ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER' as const, SequenceNumber: shard.lastSequenceNumber }
        : resume !== undefined && 'at' in resume
          ? { ShardIteratorType: 'AT_SEQUENCE_NUMBER' as const, SequenceNumber: resume.at }
          : resume !== undefined && 'after' in resume
            ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER' as const, SequenceNumber: resume.after }
            : { ShardIteratorType: shard.initialPosition };
    const { ShardIterator } = await this.streams.send(
      new GetShardIteratorCommand({ StreamArn: this.streamArn, ShardId: shard.id, ...position }),
    );
    if (ShardIterator === undefined)
      throw new LocalStackError(`GetShardIterator returned no iterator for shard ${shard.id} of ${this.streamArn}`);
    return ShardIterator;
  }

  private async describeShards(): Promise<void> {
    const shards: Shard[] = [];
    let exclusiveStartShardId: string | undefined;
    do {
      const { StreamDescription } = await this.streams.send(
        new DescribeStreamCommand({ StreamArn: this.streamArn, ExclusiveStartShardId: exclusiveStartShardId }),
      );
      shards.push(...(StreamDescription?.Shards ?? []));
      exclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId !== undefined);

    for (const shard of shards) {
      const id = shard.ShardId;
      if (id === undefined || this.shards.has(id) || this.finishedShards.has(id)) continue;
      const resumeFrom = this.saved.get(id);
      if (resumeFrom !== undefined && 'finished' in resumeFrom) {
        this.finishedShards.add(id);
        continue;
      }
      const open = shard.SequenceNumberRange?.EndingSequenceNumber === undefined;
      // LATEST applies to the shards open at start; shards found later are read from their start.
      const initialPosition = this.described ? 'TRIM_HORIZON' : this.startingPosition;
      if (initialPosition === 'LATEST' && !open) {
        this.finishedShards.add(id);
        continue;
      }
      this.shards.set(id, {
        id,
        parentId: shard.ParentShardId,
        initialPosition,
        iterator: undefined,
        lastSequenceNumber: undefined,
        resumeFrom,
        pending: [],
        window: this.batchSize,
        isolating: false,
        attempts: 0,
        retryAt: 0,
        closed: false,
      });
    }
    this.described = true;
    // With no shard to read, keep looking: a new one may not be listed yet.
    this.needsDescribe = this.shards.size === 0;
  }

  private resolveWaiters(cycle: number): void {
    const [done, waiting] = partition(this.waiters, (waiter) => waiter.after < cycle);
    this.waiters = waiting;
    for (const waiter of done) waiter.resolve();
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}

/**
 * The position in `batch` of the lowest record a partial batch response reports failed, or
 * undefined when all succeeded. As in Lambda, a failure naming no record of the batch fails it whole.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: the handler's answer, which may be nothing
function firstFailure(batch: DynamoDBRecord[], response: DynamoDBBatchResponse | void): number | undefined {
  const failures = response?.batchItemFailures ?? [];
  if (failures.length === 0) return undefined;
  const positions = failures.map((failure) =>
    batch.findIndex((record) => record.dynamodb?.SequenceNumber === failure?.itemIdentifier),
  );
  return positions.includes(-1) ? WHOLE_BATCH : Math.min(...positions);
}

function describeFailure(batch: DynamoDBRecord[], failedAt: number): string {
  return failedAt === WHOLE_BATCH
    ? 'an item identifier not in the batch'
    : `record ${batch[failedAt]?.dynamodb?.SequenceNumber}`;
}

function partition<T>(items: T[], predicate: (item: T) => boolean): [T[], T[]] {
  return [items.filter(predicate), items.filter((item) => !predicate(item))];
}

function printDeadLetter(record: DynamoDBRecord, error: unknown): void {
  process.stderr.write(
    `${JSON.stringify({
      level: 'ERROR',
      message: 'stream record dead-lettered after its retries',
      eventSourceARN: record.eventSourceARN,
      sequenceNumber: record.dynamodb?.SequenceNumber,
      eventName: record.eventName,
      keys: record.dynamodb?.Keys,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    })}\n`,
  );
}

function printStreamError(error: unknown): void {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write(
    `${JSON.stringify({ level: 'ERROR', message: 'reading the stream failed; retrying', error: detail })}\n`,
  );
}

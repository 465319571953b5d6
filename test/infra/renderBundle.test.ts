import { decider } from '../support/deciders.js';
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { promisify } from 'node:util';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedItem } from '../support/storedItem.js';
import { preflightA1b, preflightAvailable } from '../support/pdfaPreflight.js';
import { type LocalStack, startLocalStack } from '../../local/LocalStack.js';
import { freePort } from '../../local/ports.js';
import { verificationCode } from '../../functions/core/verification/verificationCode.js';
import { exampleJson } from '../support/examples.js';
import { RenderAsset } from '../support/RenderAsset.js';

let stack: LocalStack;
let asset: RenderAsset;
/** Secrets Manager's GetSecretValue as the bundle's SDK calls it (JSON 1.1): the generated string. */
let secretsManager: Server;
const GENERATED = 'k7'.repeat(32);
const secretRequests: unknown[] = [];

beforeAll(async () => {
  asset = RenderAsset.synthesize();
  stack = await startLocalStack({
    dynamodbPort: await freePort(),
    s3Port: await freePort(),
    dataDir: mkdtempSync(join(tmpdir(), 'bundle-')),
    logLevel: 'SILENT',
  });
  // The stack's own poller would render first: this test wants the bundle to do it.
  await stack.poller.stop();
  secretsManager = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += String(chunk)));
    request.on('end', () => {
      secretRequests.push({ target: request.headers['x-amz-target'], body: JSON.parse(body) });
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(
        JSON.stringify({ ARN: 'arn:aws:secretsmanager:local:1:secret:v', Name: 'v', SecretString: GENERATED }),
      );
    });
  });
  await new Promise<void>((resolve) => secretsManager.listen(0, '127.0.0.1', resolve));
}, 180_000);

afterAll(async () => {
  secretsManager?.close();
  await stack?.stop();
});

describe('the bundled render function', () => {
  it('renders and stores a document from its own asset: code, fonts, templates, HarfBuzz, sRGB', async () => {
    const { record } = await stack.approvals.submit(
      { ...exampleJson('merit-zhang-peng'), id: 'bundle-check' },
      decider('录入员'),
    );
    const item = storedItem(await stack.approvals.approve(record.id, decider('审核专班')));
    const event = {
      Records: [
        {
          eventName: 'MODIFY',
          dynamodb: { NewImage: marshall(item, { removeUndefinedValues: true }), SequenceNumber: '1' },
        },
      ],
    };
    const script =
      `const { handler } = await import(${JSON.stringify(asset.indexFile)}); ` +
      `console.log(JSON.stringify(await handler(${JSON.stringify(event)})));`;
    const secretsManagerUrl = `http://127.0.0.1:${(secretsManager.address() as { port: number }).port}`;
    // Asynchronously: the S3 server runs in this process and must keep answering.
    const child = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
      env: asset.environment(
        { dynamodb: stack.info.dynamodbEndpoint, s3: stack.info.s3Endpoint, secretsManager: secretsManagerUrl },
        { table: stack.info.tableName, bucket: stack.info.bucket },
      ),
    });
    expect(JSON.parse(child.stdout.trim().split('\n').at(-1)!)).toEqual({ batchItemFailures: [] });
    const key = 'awards/bundle-check/certificate-v1.pdf';
    const head = await stack.s3.client.send(new HeadObjectCommand({ Bucket: stack.info.bucket, Key: key }));
    expect(head.ContentType).toBe('application/pdf');
    const object = await stack.s3.client.send(new GetObjectCommand({ Bucket: stack.info.bucket, Key: key }));
    const pdf = Buffer.from(await object.Body!.transformToByteArray());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The bundle carries the sRGB profile its OutputIntent embeds: the stored PDF is PDF/A-1b.
    if (preflightAvailable) expect((await preflightA1b(pdf)).errors).toEqual([]);
    const award = (await stack.awards.get(record.id))!;
    expect(award.rendering.renderedVersion).toBe(1);
    // Marked with the code of the secret the bundle read from Secrets Manager, and indexed under it.
    expect(secretRequests).toEqual([
      { target: 'secretsmanager.GetSecretValue', body: { SecretId: 'verification-secret' } },
    ]);
    const code = verificationCode(new TextEncoder().encode(GENERATED), 'bundle-check', 'certificate', 1);
    expect(award.documents[0]!.verificationCode).toBe(code);
    expect(await stack.verifications.find(code)).toMatchObject({
      recordId: 'bundle-check',
      sha256: award.documents[0]!.sha256,
    });
  }, 120_000);
});

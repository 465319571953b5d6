import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../local/LocalStack.js';
import { freePort } from '../../local/ports.js';
import { decider } from '../support/deciders.js';
import { exampleJson } from '../support/examples.js';
import { RenderAsset } from '../support/RenderAsset.js';

let stack: LocalStack;
let asset: RenderAsset;
/** CloudWatch Logs as the bundle's SDK calls it (JSON 1.1): every call kept, each answered as done. */
let logs: Server;
const logCalls: { target: string; body: Record<string, unknown> }[] = [];

beforeAll(async () => {
  asset = RenderAsset.synthesize('desk');
  stack = await startLocalStack({
    dynamodbPort: await freePort(),
    s3Port: await freePort(),
    dataDir: mkdtempSync(join(tmpdir(), 'desk-bundle-')),
    logLevel: 'SILENT',
  });
  await stack.poller.stop();
  logs = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += String(chunk)));
    request.on('end', () => {
      logCalls.push({ target: String(request.headers['x-amz-target']), body: JSON.parse(body) });
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => logs.listen(0, '127.0.0.1', resolve));
}, 180_000);

afterAll(async () => {
  logs?.close();
  await stack?.stop();
});

/** Runs the bundled desk handler once per event, in a child process with the stack's environment. */
async function answers(
  events: unknown[],
): Promise<{ statusCode: number; headers: Record<string, string>; body: string }[]> {
  const script =
    `const { handler } = await import(${JSON.stringify(asset.indexFile)}); ` +
    `for (const event of ${JSON.stringify(events)}) console.log(JSON.stringify(await handler(event)));`;
  const logsUrl = `http://127.0.0.1:${(logs.address() as { port: number }).port}`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      ...asset.environment(
        { dynamodb: stack.info.dynamodbEndpoint, s3: stack.info.s3Endpoint, secretsManager: 'http://127.0.0.1:9' },
        { table: stack.info.tableName, bucket: stack.info.bucket },
      ),
      AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: logsUrl,
      AUDIT_LOG_GROUP: 'audit-trail',
    },
  });
  return stdout
    .trim()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
}

describe('the bundled desk function', () => {
  it('draws a draft from its own asset and approves on the revision seen, writing the audit trail', async () => {
    const submitted = await stack.approvals.submit(
      { ...exampleJson('merit-zhang-peng'), id: 'desk-bundle-check' },
      decider('录入员'),
    );
    const claims = { sub: 'approver-1', name: '公安厅审批人', 'cognito:groups': '[approvers department]' };
    const event = (method: string, rawPath: string, body?: unknown) => ({
      rawPath,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      requestContext: { http: { method }, authorizer: { jwt: { claims } } },
    });
    const [draft, approval] = await answers([
      event('GET', '/awards/desk-bundle-check/draft'),
      event('POST', '/awards/desk-bundle-check/approve', { revision: submitted.revision }),
    ]);
    expect(draft).toMatchObject({ statusCode: 200, headers: { 'content-type': 'application/pdf' } });
    expect(Buffer.from(draft!.body, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(approval!.statusCode).toBe(200);
    expect(JSON.parse(approval!.body)).toMatchObject({ status: 'APPROVED' });
    expect((await stack.awards.get('desk-bundle-check'))!.record.status).toBe('APPROVED');
    const lines = logCalls
      .filter((call) => call.target.endsWith('PutLogEvents'))
      .flatMap((call) => (call.body.logEvents as { message: string }[]).map((e) => JSON.parse(e.message)));
    expect(lines).toContainEqual(expect.objectContaining({ action: 'award-decided', recordId: 'desk-bundle-check' }));
    expect(logCalls.every((call) => call.body.logGroupName === 'audit-trail')).toBe(true);
  }, 120_000);
});

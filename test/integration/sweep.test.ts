import { decider } from '../support/deciders.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectTaggingCommand } from '@aws-sdk/client-s3';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { RenderHandler } from '../../functions/render/createRenderHandler.js';
import { startLocalStack } from '../../local/LocalStack.js';
import { freePort } from '../../local/ports.js';
import { waitForSettled } from '../../local/waitForSettled.js';
import { exampleJson } from '../support/examples.js';

describe('the sweep in the local stack', () => {
  it('renders an approval the stream gave up on, and withdraws a revocation’s documents, once mended', async () => {
    const broken = new Set(['merit-zhang-peng']);
    const deadLetters: DynamoDBRecord[] = [];
    // A render function that fails every record of the broken awards, as a bad deployment would.
    const failing =
      (handler: RenderHandler): RenderHandler =>
      async (event, context) => {
        const id = (record: DynamoDBRecord) => record.dynamodb?.NewImage?.id?.S ?? '';
        if (event.Records.some((record) => broken.has(id(record)))) throw new Error('injected deployment fault');
        return handler(event, context);
      };
    const stack = await startLocalStack({
      dynamodbPort: await freePort(),
      s3Port: await freePort(),
      dataDir: mkdtempSync(join(tmpdir(), 'sweep-')),
      inMemory: true,
      logLevel: 'SILENT',
      retries: 1,
      wrapHandler: failing,
      onDeadLetter: (record) => deadLetters.push(record),
    });
    try {
      for (const id of ['merit-zhang-peng', 'merit-he-xia', 'merit-yang-tao']) {
        await stack.approvals.submit(exampleJson(id), decider('录入员'));
        await stack.approvals.approve(id, decider('审核专班'));
      }
      // merit-he-xia is rendered before the fault reaches it, then revoked while it lasts.
      await waitForSettled(stack.awards, ['merit-he-xia', 'merit-yang-tao']);
      broken.add('merit-he-xia');
      await stack.approvals.revoke('merit-he-xia', '核查不实', decider('审核专班'));
      await stack.poller.idle();
      const given = deadLetters.map((record) => record.dynamodb?.NewImage?.id?.S).sort();
      expect(given).toEqual(['merit-he-xia', 'merit-zhang-peng']);
      expect((await stack.awards.get('merit-zhang-peng'))!.rendering).toEqual({});
      expect((await stack.awards.get('merit-he-xia'))!.documents.every((ref) => !ref.withdrawn)).toBe(true);

      // The fault is mended; the stream will not bring these records again. The sweep does.
      broken.clear();
      const report = await stack.sweep(0);
      expect(report.redriven).toEqual([
        { id: 'merit-zhang-peng', lag: 'render', action: 'rendered' },
        { id: 'merit-he-xia', lag: 'withdraw', action: 'withdrawn' },
      ]);
      expect((await stack.awards.get('merit-zhang-peng'))!.rendering.renderedVersion).toBe(1);
      const [certificate] = (await stack.awards.get('merit-he-xia'))!.documents;
      expect(certificate!.withdrawn).toBe(true);
      const tags = await stack.s3.client.send(
        new GetObjectTaggingCommand({ Bucket: stack.info.bucket, Key: certificate!.key }),
      );
      expect(tags.TagSet).toEqual([{ Key: 'withdrawn', Value: 'true' }]);
      // Nothing is left for the next sweep; an award lagging for less than the grace period is left to the stream.
      expect((await stack.sweep(0)).redriven).toEqual([]);
    } finally {
      await stack.stop();
    }
  }, 180_000);
});

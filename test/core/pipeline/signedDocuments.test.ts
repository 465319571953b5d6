import { decider, CLERK } from '../../support/deciders.js';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { approve, submit } from '../../../functions/core/award/awardTransitions.js';
import { DocumentEngine } from '../../../functions/core/engine/DocumentEngine.js';
import { RenderPipeline } from '../../../functions/core/pipeline/RenderPipeline.js';
import { testSigner } from '../../support/developmentSignerForTests.js';
import { exampleJson } from '../../support/examples.js';
import { InMemoryAwardStore } from '../../support/InMemoryAwardStore.js';
import { InMemoryDocuments } from '../../support/InMemoryDocuments.js';
import { toTempFile } from '../../support/poppler.js';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const AT = new Date('2020-02-05T02:00:00Z');

describe('the render pipeline with a signer', () => {
  it('stores every document signed, its ref carrying the SHA-256 of the signed bytes', async () => {
    const awards = new InMemoryAwardStore();
    const approved = approve(submit(exampleJson('merit-he-xia'), CLERK), { by: decider('审核专班'), at: AT });
    await awards.create(approved);
    const documents = new InMemoryDocuments();
    const pipeline = new RenderPipeline({
      awards,
      documents,
      engine: DocumentEngine.shared(),
      signer: testSigner('测试签发机关'),
      log: quiet,
      metrics: { count: () => {} },
    });
    await pipeline.process(approved);
    const [ref] = (await awards.get('merit-he-xia'))!.documents;
    const stored = documents.objects.get(ref!.key)!;
    expect(createHash('sha256').update(stored.bytes).digest('hex')).toBe(ref!.sha256);
    expect(stored.sha256).toBe(ref!.sha256);
    const report = execFileSync('pdfsig', [toTempFile(stored.bytes)], { encoding: 'utf8' });
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Total document signed');
    expect(report).toContain('CN=测试签发机关');
  });
});

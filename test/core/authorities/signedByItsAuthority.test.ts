import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { approve, submit } from '../../../functions/core/award/awardTransitions.js';
import { DocumentEngine } from '../../../functions/core/engine/DocumentEngine.js';
import { RenderPipeline } from '../../../functions/core/pipeline/RenderPipeline.js';
import { DevelopmentSigners } from '../../../local/DevelopmentSigners.js';
import { CLERK, decider } from '../../support/deciders.js';
import { exampleJson } from '../../support/examples.js';
import { InMemoryAwardStore } from '../../support/InMemoryAwardStore.js';
import { InMemoryDocuments } from '../../support/InMemoryDocuments.js';
import { toTempFile } from '../../support/poppler.js';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const AT = new Date('2020-02-05T02:00:00Z');

/** Two records of two registered authorities through one pipeline, its engine watched. */
async function renderTwo(changes: Record<string, Record<string, unknown>> = {}) {
  const awards = new InMemoryAwardStore();
  const documents = new InMemoryDocuments();
  const engine = new DocumentEngine(DocumentEngine.shared().fonts, DocumentEngine.shared().templates);
  const drawn = vi.spyOn(engine, 'render');
  const pipeline = new RenderPipeline({
    awards,
    documents,
    engine,
    signers: new DevelopmentSigners(mkdtempSync(join(tmpdir(), 'authority-signers-'))),
    log: quiet,
    metrics: { count: () => {} },
  });
  for (const id of ['merit-he-xia', 'merit-zhang-peng']) {
    const approved = approve(submit({ ...exampleJson(id), ...changes[id] }, CLERK), { by: decider('审批人'), at: AT });
    await awards.create(approved);
    await pipeline.process(approved);
  }
  return { awards, documents, drawn };
}

describe('documents of two authorities', () => {
  it('carry two signers, each the authority that issues it, and the registry’s two seals', async () => {
    const { awards, documents, drawn } = await renderTwo();
    const signerOf = async (id: string) => {
      const [ref] = (await awards.get(id))!.documents;
      const report = execFileSync('pdfsig', [toTempFile(documents.objects.get(ref!.key)!.bytes)], { encoding: 'utf8' });
      expect(report).toContain('Signature is Valid');
      return /Signer Certificate Common Name: (.*)$/m.exec(report)![1];
    };
    expect(await signerOf('merit-he-xia')).toBe('内蒙古自治区公安厅');
    expect(await signerOf('merit-zhang-peng')).toBe('呼伦贝尔市海拉尔区公安分局');
    // The seal's ring text is the registry's (海拉尔's seal reads 呼伦贝尔市公安局海拉尔区分局), not the record's name.
    expect(drawn.mock.calls.map(([, data]) => (data as { sealText: string }).sealText)).toEqual([
      '内蒙古自治区公安厅',
      '呼伦贝尔市公安局海拉尔区分局',
    ]);
  });

  it('never print a seal text a record brings: such a record fails, naming authority.sealText', async () => {
    const { awards, drawn } = await renderTwo({
      'merit-zhang-peng': { authority: { name: '呼伦贝尔市海拉尔区公安分局', sealText: '中华人民共和国公安部' } },
    });
    expect((await awards.get('merit-zhang-peng'))!.rendering.failure?.reason).toContain('authority.sealText');
    expect(drawn.mock.calls.map(([, data]) => (data as { sealText: string }).sealText)).toEqual(['内蒙古自治区公安厅']);
  });
});

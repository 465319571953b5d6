import { decider } from '../../support/deciders.js';
import { describe, expect, it } from 'vitest';
import { AwardWorkflow } from '../../../functions/core/award/AwardWorkflow.js';
import { RenderPipeline } from '../../../functions/core/pipeline/RenderPipeline.js';
import { Sweep } from '../../../functions/core/sweep/Sweep.js';
import { exampleJson } from '../../support/examples.js';
import { InMemoryAwardStore } from '../../support/InMemoryAwardStore.js';
import { InMemoryDocuments } from '../../support/InMemoryDocuments.js';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

async function setUp() {
  const store = new InMemoryAwardStore();
  const documents = new InMemoryDocuments();
  const workflow = new AwardWorkflow(store);
  const pipeline = new RenderPipeline({ awards: store, documents, log: quiet, metrics: { count: () => {} } });
  const ids = ['merit-zhang-peng', 'merit-he-xia', 'merit-yang-tao', 'commendation-ce-ren'];
  for (const id of ids) {
    await workflow.submit(exampleJson(id), decider('录入员'));
    await workflow.approve(id, decider('审核专班'));
  }
  // merit-he-xia was rendered and then revoked, but its withdrawal never happened.
  await pipeline.process((await store.get('merit-he-xia'))!);
  await workflow.revoke('merit-he-xia', '核查不实', decider('审核专班'));
  // commendation-ce-ren is in step: rendered, though an index that lags still lists it.
  await pipeline.process((await store.get('commendation-ce-ren'))!);
  const counted: string[] = [];
  const lines: string[] = [];
  const sweep = new Sweep({
    lagging: {
      async *idsChangedBefore() {
        yield* ids;
      },
    },
    awards: store,
    pipeline,
    log: { ...quiet, warn: (message, fields) => lines.push(`${message} ${JSON.stringify(fields)}`) },
    metrics: { count: (name) => counted.push(name) },
  });
  return { store, documents, sweep, counted, lines };
}

describe('Sweep', () => {
  it('re-drives each lagging award once through the pipeline, one log line and one count each', async () => {
    const { store, documents, sweep, counted, lines } = await setUp();
    const report = await sweep.run(new Date());
    expect(report.redriven).toEqual([
      { id: 'merit-zhang-peng', lag: 'render', action: 'rendered' },
      { id: 'merit-he-xia', lag: 'withdraw', action: 'withdrawn' },
      { id: 'merit-yang-tao', lag: 'render', action: 'rendered' },
    ]);
    expect(report.failed).toEqual([]);
    expect(counted).toEqual(['AwardsSwept', 'AwardsSwept', 'AwardsSwept']);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"recordId":"merit-he-xia"');
    expect((await store.get('merit-zhang-peng'))!.rendering.renderedVersion).toBe(1);
    expect(documents.withdrawn).toEqual(
      new Set(['awards/merit-he-xia/certificate-v1.pdf', 'awards/merit-he-xia/certificate-v1.ofd']),
    );
    // A second sweep finds nothing left to do.
    expect((await sweep.run(new Date())).redriven).toEqual([]);
  });

  it('goes on past an award whose re-drive fails, reporting it for the next sweep', async () => {
    const { documents, sweep, counted } = await setUp();
    const put = documents.put.bind(documents);
    documents.put = async (document) => {
      if (document.recordId === 'merit-zhang-peng') throw new Error('S3 answered 503');
      return put(document);
    };
    const report = await sweep.run(new Date());
    expect(report.failed).toEqual([{ id: 'merit-zhang-peng', error: 'S3 answered 503' }]);
    expect(report.redriven.map((award) => award.id)).toEqual(['merit-he-xia', 'merit-yang-tao']);
    expect(counted).toContain('SweepFailures');
  });
});

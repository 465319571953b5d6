import { documentsLag } from '../award/Award.js';
import type { AwardStore } from '../award/AwardStore.js';
import type { PipelineLog } from '../pipeline/ports.js';
import type { Outcome, RenderPipeline } from '../pipeline/RenderPipeline.js';
import type { LaggingAwards } from './LaggingAwards.js';

export interface SweepReport {
  /** Awards found lagging and re-driven, with what the pipeline did. */
  readonly redriven: { readonly id: string; readonly lag: 'render' | 'withdraw'; readonly action: Outcome['action'] }[];
  /** Awards whose re-drive failed again (left for the next sweep), with why. */
  readonly failed: { readonly id: string; readonly error: string }[];
}

export interface SweepDependencies {
  readonly lagging: LaggingAwards;
  readonly awards: AwardStore;
  readonly pipeline: RenderPipeline;
  readonly log: PipelineLog;
  readonly metrics: { count(name: 'AwardsSwept' | 'SweepFailures', value?: number): void };
}

/**
 * The safety net behind the stream: finds awards whose documents lag behind their state for
 * longer than the stream should take (an approval whose stream record went to the on-failure
 * queue, or outlived the stream's 24 hours; a revocation whose withdrawal failed) and re-drives
 * each through the same pipeline, which is idempotent and guarded, so racing the stream is safe.
 * Finding any is worth an alarm: something upstream failed.
 */
export class Sweep {
  constructor(private readonly deps: SweepDependencies) {}

  async run(changedBefore: Date): Promise<SweepReport> {
    const report: { redriven: SweepReport['redriven'][number][]; failed: SweepReport['failed'][number][] } = {
      redriven: [],
      failed: [],
    };
    for await (const id of this.deps.lagging.idsChangedBefore(changedBefore)) {
      // The index is eventually consistent: the award as it is now decides.
      const award = await this.deps.awards.get(id);
      const lag = award && documentsLag(award);
      if (award === undefined || lag === undefined) continue;
      try {
        const { action } = await this.deps.pipeline.process(award);
        report.redriven.push({ id, lag, action });
        this.deps.metrics.count('AwardsSwept');
        this.deps.log.warn('award re-driven by the sweep', {
          recordId: id,
          version: award.record.version,
          lag,
          action,
        });
      } catch (error) {
        report.failed.push({ id, error: (error as Error).message });
        this.deps.metrics.count('SweepFailures');
        this.deps.log.error('sweep could not re-drive the award', {
          recordId: id,
          lag,
          error: (error as Error).message,
        });
      }
    }
    return report;
  }
}

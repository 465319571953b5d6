import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { LaggingAwards } from '../core/sweep/LaggingAwards.js';
import { Sweep, type SweepReport } from '../core/sweep/Sweep.js';
import { countIn, createPipeline, logTo, type PipelineSetup } from '../render/createPipeline.js';

export interface SweepHandlerDependencies extends PipelineSetup {
  readonly lagging: LaggingAwards;
  /** How long an award may lag before the sweep takes it: the stream's fast path has that long. */
  readonly graceSeconds: number;
  readonly now?: () => Date;
}

export type SweepHandler = () => Promise<{ redriven: number; failed: number; awards: SweepReport['redriven'] }>;

/**
 * The scheduled sweep: re-drives through the render pipeline every award whose documents have
 * lagged behind its state for longer than the grace period, and publishes what it found
 * (AwardsSwept raises the alarm: something upstream failed).
 */
export function createSweepHandler(dependencies: SweepHandlerDependencies): SweepHandler {
  const { lagging, awards, logger, metrics, graceSeconds } = dependencies;
  const now = dependencies.now ?? (() => new Date());
  const sweep = new Sweep({
    lagging,
    awards,
    pipeline: createPipeline(dependencies),
    log: logTo(logger),
    metrics: countIn(metrics),
  });
  return async () => {
    try {
      const report = await sweep.run(new Date(now().getTime() - graceSeconds * 1000));
      // Zero is published too: the dashboard shows the sweep ran and found nothing.
      metrics.addMetric('AwardsSwept', MetricUnit.Count, 0);
      logger.info('sweep done', { redriven: report.redriven.length, failed: report.failed.length });
      return { redriven: report.redriven.length, failed: report.failed.length, awards: report.redriven };
    } finally {
      metrics.publishStoredMetrics();
    }
  };
}

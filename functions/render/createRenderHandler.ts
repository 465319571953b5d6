import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { awardFromItem } from '../adapters/dynamodb/awardItem.js';
import type { Award } from '../core/award/Award.js';
import { isRecordFault, TransientFault } from '../core/errors.js';
import { createPipeline, type PipelineSetup } from './createPipeline.js';

export type RenderHandlerDependencies = PipelineSetup;

export type RenderHandler = (event: DynamoDBStreamEvent, context?: Context) => Promise<DynamoDBBatchResponse>;

/**
 * The render function: for each stream record, the pipeline decides and acts; a record whose
 * processing throws (storage or network trouble) is reported in `batchItemFailures`, so only
 * it and the records after it on its shard are retried. Built from its dependencies so that
 * Lambda and the local stack run the same code over different clients.
 */
export function createRenderHandler(setup: RenderHandlerDependencies): RenderHandler {
  const { logger, metrics } = setup;
  const pipeline = createPipeline(setup);
  const processor = new BatchProcessor(EventType.DynamoDBStreams);

  /** The award a stream record shows; undefined (and logged) for other items and unreadable ones. */
  const awardOf = (record: DynamoDBRecord): Award | undefined => {
    const image = record.dynamodb?.NewImage;
    if (!image) return undefined;
    try {
      return awardFromItem(unmarshall(image as Record<string, AttributeValue>));
    } catch (error) {
      // An award item without a usable id, status or version cannot be judged or marked: set aside, never retried.
      if (!isRecordFault(error)) throw error;
      logger.error('award item cannot be read', { eventId: record.eventID, reason: error.message });
      metrics.addMetric('InvalidRecords', MetricUnit.Count, 1);
      return undefined;
    }
  };

  const processRecord = async (record: DynamoDBRecord) => {
    const award = awardOf(record);
    if (!award) return;
    const { id, version } = award.record;
    try {
      const outcome = await pipeline.process(award);
      logger.info('stream record processed', {
        recordId: id,
        version,
        action: outcome.action,
        ...(outcome.action === 'skipped' ? { reason: outcome.reason } : {}),
      });
    } catch (error) {
      if (error instanceof TransientFault) {
        logger.warn('stream record will be retried', {
          recordId: id,
          version,
          errorType: error.name,
          error: error.message,
        });
      } else {
        // A template, font or subsetting fault, or a bug: retried, and alarmed, until the deployment is mended.
        logger.error('deployment fault: stream record will be retried', {
          recordId: id,
          version,
          errorType: (error as Error).name,
          error: (error as Error).message,
        });
        metrics.addMetric('DeploymentFaults', MetricUnit.Count, 1);
      }
      throw error;
    }
  };

  return async (event, context) => {
    try {
      // A batch that fails whole is reported item by item like any other, rather than thrown.
      return await processPartialResponse(event, processRecord, processor, {
        ...(context === undefined ? {} : { context }),
        throwOnFullBatchFailure: false,
      });
    } finally {
      // A batch of skips has nothing to report; publishing would only log a warning.
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    }
  };
}

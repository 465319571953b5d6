import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { AwardRepository, DocumentRepository } from '../core/pipeline/ports.js';
import { RenderPipeline } from '../core/pipeline/RenderPipeline.js';
import type { StoredAward } from '../core/pipeline/StoredAward.js';
import type { DocumentEngine } from '../core/engine/DocumentEngine.js';

export interface RenderHandlerDependencies {
  readonly awards: AwardRepository;
  readonly documents: DocumentRepository;
  /**
   * The stack's own authority (CDK context authorityName, authorityCode): its code is for numbering
   * its orders and praise bulletins whose record gives no authority.code. The pipeline does not
   * take it yet; until it does, such a record fails as before.
   */
  readonly authority?: { readonly name: string; readonly code: string };
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly engine?: DocumentEngine;
}

export type RenderHandler = (event: DynamoDBStreamEvent, context?: Context) => Promise<DynamoDBBatchResponse>;

/**
 * The render function: for each stream record, the pipeline decides and acts; a record whose
 * processing throws (storage or network trouble) is reported in `batchItemFailures`, so only
 * it and the records after it on its shard are retried. Built from its dependencies so that
 * Lambda and the local stack run the same code over different clients.
 */
export function createRenderHandler({ awards, documents, logger, metrics, engine }: RenderHandlerDependencies): RenderHandler {
  const pipeline = new RenderPipeline({
    awards,
    documents,
    engine,
    log: {
      info: (message, fields) => logger.info(message, fields ?? {}),
      warn: (message, fields) => logger.warn(message, fields ?? {}),
      error: (message, fields) => logger.error(message, fields ?? {}),
    },
    metrics: { count: (name, value = 1) => metrics.addMetric(name, MetricUnit.Count, value) },
  });
  const processor = new BatchProcessor(EventType.DynamoDBStreams);

  const processRecord = async (record: DynamoDBRecord) => {
    const image = record.dynamodb?.NewImage;
    if (!image) return;
    const item = unmarshall(image as Record<string, AttributeValue>) as StoredAward;
    try {
      const outcome = await pipeline.process(item);
      logger.info('stream record processed', { recordId: item.id, version: item.version, action: outcome.action, ...('reason' in outcome && outcome.action === 'skipped' ? { reason: outcome.reason } : {}) });
    } catch (error) {
      logger.warn('stream record will be retried', { recordId: item.id, version: item.version, error: (error as Error).message });
      throw error;
    }
  };

  return async (event, context) => {
    try {
      // A batch that fails whole is reported item by item like any other, rather than thrown.
      return await processPartialResponse(event, processRecord, processor, { ...(context === undefined ? {} : { context }), throwOnFullBatchFailure: false });
    } finally {
      // A batch of skips has nothing to report; publishing would only log a warning.
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    }
  };
}

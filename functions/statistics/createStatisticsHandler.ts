import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { readableAward } from '../adapters/dynamodb/awardItem.js';
import type { DynamoDbStatisticsRepository } from '../adapters/dynamodb/DynamoDbStatisticsRepository.js';
import { changeDelta } from '../core/statistics/changeDelta.js';

export type StatisticsHandler = (event: DynamoDBStreamEvent, context?: Context) => Promise<DynamoDBBatchResponse>;

/** The award an image shows; an item that is no award, or an unreadable one, counts nothing. */
const awardIn = (image: unknown) =>
  image ? readableAward(unmarshall(image as Record<string, AttributeValue>)) : undefined;

/**
 * Keeps the bulletin's figures up to date from the awards table's stream: each change to an
 * award moves the counters of the whole region and of its 盟市 by the difference it makes,
 * exactly once (a redelivered change is recognised by its event id).
 */
export function createStatisticsHandler({
  statistics,
  logger,
}: {
  statistics: DynamoDbStatisticsRepository;
  logger: Logger;
}): StatisticsHandler {
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  const processRecord = async (record: DynamoDBRecord) => {
    const deltas = changeDelta(awardIn(record.dynamodb?.OldImage), awardIn(record.dynamodb?.NewImage));
    if (deltas.length === 0) return;
    const changeId = record.eventID ?? record.dynamodb!.SequenceNumber!;
    const result = await statistics.apply(changeId, deltas);
    logger.info('figures counted', { changeId, result, scopes: deltas.map((d) => d.scope) });
  };
  return (event, context) =>
    processPartialResponse(event, processRecord, processor, {
      ...(context === undefined ? {} : { context }),
      throwOnFullBatchFailure: false,
    });
}

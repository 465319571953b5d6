import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbStatisticsRepository } from '../adapters/dynamodb/DynamoDbStatisticsRepository.js';
import { createStatisticsHandler } from './createStatisticsHandler.js';

const tableName = process.env.AWARDS_TABLE_NAME;
if (!tableName) throw new Error('statistics function: environment variable AWARDS_TABLE_NAME is not set (the stack sets it)');

/** Lambda entry point: the awards table's stream, filtered by STATISTICS_FILTER_PATTERNS. */
export const handler = createStatisticsHandler({
  statistics: new DynamoDbStatisticsRepository(new DynamoDBClient({}), tableName),
  logger: new Logger({ serviceName: 'statistics' }),
});

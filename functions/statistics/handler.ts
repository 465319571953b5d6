import { requiredEnvironment } from '../requiredEnvironment.js';
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbStatisticsRepository } from '../adapters/dynamodb/DynamoDbStatisticsRepository.js';
import { createStatisticsHandler } from './createStatisticsHandler.js';
import { AWS_CLIENT_CONFIG } from '../adapters/awsClientConfig.js';

const tableName = requiredEnvironment('AWARDS_TABLE_NAME', 'statistics');

/** Lambda entry point: the awards table's stream, filtered by STATISTICS_FILTER_PATTERNS. */
export const handler = createStatisticsHandler({
  statistics: new DynamoDbStatisticsRepository(new DynamoDBClient(AWS_CLIENT_CONFIG), tableName),
  logger: new Logger({ serviceName: 'statistics' }),
});

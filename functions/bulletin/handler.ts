import { requiredEnvironment } from '../requiredEnvironment.js';
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDbStatisticsRepository } from '../adapters/dynamodb/DynamoDbStatisticsRepository.js';
import { S3BulletinArchive } from '../adapters/s3/S3BulletinArchive.js';
import { DocumentEngine } from '../core/engine/DocumentEngine.js';
import { compileKeptBulletin } from '../core/statistics/compileKeptBulletin.js';
import { summarySentence } from '../core/statistics/summarySentence.js';
import { bulletinKey } from '../definitions/documentsBucket.js';

const required = (name: string) => requiredEnvironment(name, 'bulletin');

const logger = new Logger({ serviceName: 'bulletin' });
const deps = {
  figures: new DynamoDbStatisticsRepository(new DynamoDBClient({}), required('AWARDS_TABLE_NAME')),
  archive: new S3BulletinArchive(
    new S3Client({ forcePathStyle: process.env.AWS_S3_FORCE_PATH_STYLE === 'true' }),
    required('DOCUMENTS_BUCKET_NAME'),
  ),
  engine: DocumentEngine.shared(),
  authority: { name: required('AUTHORITY_NAME') },
};

/**
 * Lambda entry point, on an EventBridge Scheduler schedule whose input is
 * {"cutoff": "<aws.scheduler.scheduled-time>"}: each run's cut-off is its scheduled time, so a
 * retried run compiles (or finds) the same bulletin.
 */
export async function handler(event: { cutoff?: string } = {}) {
  const cutoff = event.cutoff ?? new Date().toISOString();
  if (Number.isNaN(Date.parse(cutoff)))
    throw new Error(`bulletin function: cutoff "${cutoff}" is not an ISO 8601 date-time`);
  const { figures, compiled } = await compileKeptBulletin(cutoff, deps);
  const result = {
    cutoff,
    compiled,
    pdf: bulletinKey(cutoff, 'pdf'),
    json: bulletinKey(cutoff, 'json'),
    summary: summarySentence(figures.region),
  };
  logger.info('statistics bulletin', result);
  return result;
}

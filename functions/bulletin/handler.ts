import { requiredEnvironment } from '../requiredEnvironment.js';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDbHeldNumbers } from '../adapters/dynamodb/DynamoDbHeldNumbers.js';
import { DynamoDbStatisticsRepository } from '../adapters/dynamodb/DynamoDbStatisticsRepository.js';
import { DynamoDbVerifications } from '../adapters/dynamodb/DynamoDbVerifications.js';
import { S3BulletinArchive } from '../adapters/s3/S3BulletinArchive.js';
import { DocumentEngine } from '../core/engine/DocumentEngine.js';
import { compileKeptBulletin } from '../core/statistics/compileKeptBulletin.js';
import { summarySentence } from '../core/statistics/summarySentence.js';
import { bulletinKey } from '../definitions/documentsBucket.js';
import { METRICS_NAMESPACE } from '../definitions/metrics.js';
import { verificationMarksFromEnvironment } from '../render/verificationMarksFromEnvironment.js';
import { signerFromEnvironment } from '../render/signerFromEnvironment.js';
import { AWS_CLIENT_CONFIG } from '../adapters/awsClientConfig.js';

const required = (name: string) => requiredEnvironment(name, 'bulletin');

const logger = new Logger({ serviceName: 'bulletin' });
const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: 'bulletin' });
const dynamodb = new DynamoDBClient(AWS_CLIENT_CONFIG);
const tableName = required('AWARDS_TABLE_NAME');
const deps = {
  figures: new DynamoDbStatisticsRepository(dynamodb, tableName),
  numbers: new DynamoDbHeldNumbers(dynamodb, tableName),
  archive: new S3BulletinArchive(
    new S3Client({ ...AWS_CLIENT_CONFIG, forcePathStyle: process.env.AWS_S3_FORCE_PATH_STYLE === 'true' }),
    required('DOCUMENTS_BUCKET_NAME'),
  ),
  engine: DocumentEngine.shared(),
  // The code numbers the bulletin: without AUTHORITY_CODE the function refuses to start.
  authority: { name: required('AUTHORITY_NAME'), code: required('AUTHORITY_CODE') },
  // The bulletin is marked, and its code recorded once it is archived, as award documents are.
  marks: verificationMarksFromEnvironment('bulletin'),
  verifications: new DynamoDbVerifications(dynamodb, tableName),
  signer: signerFromEnvironment('bulletin'),
};

/**
 * Lambda entry point, on an EventBridge Scheduler schedule whose input is
 * {"cutoff": "<aws.scheduler.scheduled-time>"}: each run's cut-off is its scheduled time, so a
 * retried run compiles (or finds) the same bulletin, with the same 文号. A run within the latest
 * bulletin's day that finds its figures unchanged answers with that bulletin and takes no number.
 */
export async function handler(event: { cutoff?: string } = {}) {
  const cutoff = event.cutoff ?? new Date().toISOString();
  if (Number.isNaN(Date.parse(cutoff)))
    throw new Error(`bulletin function: cutoff "${cutoff}" is not an ISO 8601 date-time`);
  const { figures, documentNumber, compiled, unchanged } = await compileKeptBulletin(cutoff, deps);
  const result = {
    cutoff,
    documentNumber,
    compiled,
    // Nothing changed since the latest bulletin of this period: that one answers, under its cut-off.
    ...(unchanged ? { unchangedSince: figures.cutoff } : {}),
    pdf: bulletinKey(figures.cutoff, 'pdf'),
    json: bulletinKey(figures.cutoff, 'json'),
    summary: summarySentence(figures.region),
  };
  logger.info('statistics bulletin', result);
  // A deployment whose signing certificate is not yet configured says so (an alarm reads the count).
  if (compiled && !deps.signer) {
    logger.warn('bulletin stored unsigned: no signing certificate is configured', { key: result.pdf });
    metrics.addMetric('UnsignedDocuments', MetricUnit.Count, 1);
    metrics.publishStoredMetrics();
  }
  return { ...result, signed: deps.signer !== undefined };
}

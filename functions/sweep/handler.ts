import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDbAwardStore } from '../adapters/dynamodb/DynamoDbAwardStore.js';
import { DynamoDbLaggingAwards } from '../adapters/dynamodb/DynamoDbLaggingAwards.js';
import { S3DocumentRepository } from '../adapters/s3/S3DocumentRepository.js';
import { METRICS_NAMESPACE } from '../definitions/metrics.js';
import { requiredEnvironment } from '../requiredEnvironment.js';
import { authoritySignersFromEnvironment } from '../render/authoritySignersFromEnvironment.js';
import { verificationMarksFromEnvironment } from '../render/verificationMarksFromEnvironment.js';
import { createSweepHandler } from './createSweepHandler.js';
import { AWS_CLIENT_CONFIG } from '../adapters/awsClientConfig.js';

const required = (name: string) => requiredEnvironment(name, 'sweep');
const dynamodb = new DynamoDBClient(AWS_CLIENT_CONFIG);
const tableName = required('AWARDS_TABLE_NAME');

/** Lambda entry point: invoked by its EventBridge Scheduler schedule. */
export const handler = createSweepHandler({
  lagging: new DynamoDbLaggingAwards(dynamodb, tableName),
  awards: new DynamoDbAwardStore(dynamodb, tableName),
  documents: new S3DocumentRepository(new S3Client(AWS_CLIENT_CONFIG), required('DOCUMENTS_BUCKET_NAME')),
  authority: { name: required('AUTHORITY_NAME'), code: required('AUTHORITY_CODE') },
  marks: verificationMarksFromEnvironment('sweep'),
  // Each document signed by its own authority's certificate.
  signers: authoritySignersFromEnvironment('sweep'),
  graceSeconds: Number(required('SWEEP_GRACE_SECONDS')),
  logger: new Logger({ serviceName: 'sweep' }),
  metrics: new Metrics({ namespace: METRICS_NAMESPACE, serviceName: 'sweep' }),
});

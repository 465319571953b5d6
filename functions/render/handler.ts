import { requiredEnvironment } from '../requiredEnvironment.js';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDbAwardStore } from '../adapters/dynamodb/DynamoDbAwardStore.js';
import { S3DocumentRepository } from '../adapters/s3/S3DocumentRepository.js';
import { METRICS_NAMESPACE } from '../definitions/metrics.js';
import { createRenderHandler } from './createRenderHandler.js';
import { authoritySignersFromEnvironment } from './authoritySignersFromEnvironment.js';
import { verificationMarksFromEnvironment } from './verificationMarksFromEnvironment.js';
import { AWS_CLIENT_CONFIG } from '../adapters/awsClientConfig.js';

const required = (name: string) => requiredEnvironment(name, 'render');

/** Lambda entry point: the DynamoDB stream of the awards table, filtered by RENDER_FILTER_PATTERNS. */
export const handler = createRenderHandler({
  awards: new DynamoDbAwardStore(new DynamoDBClient(AWS_CLIENT_CONFIG), required('AWARDS_TABLE_NAME')),
  // S3-compatible endpoints (the local stack's server, MinIO) want path-style addressing.
  documents: new S3DocumentRepository(
    new S3Client({ ...AWS_CLIENT_CONFIG, forcePathStyle: process.env.AWS_S3_FORCE_PATH_STYLE === 'true' }),
    required('DOCUMENTS_BUCKET_NAME'),
  ),
  authority: { name: required('AUTHORITY_NAME'), code: required('AUTHORITY_CODE') },
  marks: verificationMarksFromEnvironment('render'),
  // Each document signed by its own authority's certificate.
  signers: authoritySignersFromEnvironment('render'),
  logger: new Logger({ serviceName: 'render' }),
  metrics: new Metrics({ namespace: METRICS_NAMESPACE, serviceName: 'render' }),
});

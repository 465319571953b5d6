import { requiredEnvironment } from '../requiredEnvironment.js';
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { S3Client } from '@aws-sdk/client-s3';
import { CloudWatchAuditTrail } from '../adapters/cloudwatch/CloudWatchAuditTrail.js';
import { DynamoDbAwardQueries } from '../adapters/dynamodb/DynamoDbAwardQueries.js';
import { S3BulletinArchive } from '../adapters/s3/S3BulletinArchive.js';
import { S3DocumentLinks } from '../adapters/s3/S3DocumentLinks.js';
import { LinksService } from '../core/links/LinksService.js';
import { createLinksHandler } from './createLinksHandler.js';
import { AWS_CLIENT_CONFIG } from '../adapters/awsClientConfig.js';

const required = (name: string) => requiredEnvironment(name, 'links');

const logger = new Logger({ serviceName: 'links' });
const s3 = new S3Client({ ...AWS_CLIENT_CONFIG, forcePathStyle: process.env.AWS_S3_FORCE_PATH_STYLE === 'true' });
const bucket = required('DOCUMENTS_BUCKET_NAME');
// Who got which document when, or was refused: its own log group, written whatever the log level.
const audit = new CloudWatchAuditTrail(new CloudWatchLogsClient(AWS_CLIENT_CONFIG), required('AUDIT_LOG_GROUP'));

/** Lambda entry point behind the HTTP API and its JWT authorizer. */
export const handler = createLinksHandler({
  service: new LinksService({
    awards: new DynamoDbAwardQueries(new DynamoDBClient(AWS_CLIENT_CONFIG), required('AWARDS_TABLE_NAME')),
    links: new S3DocumentLinks(s3, bucket, Number(process.env.LINK_LIFETIME_SECONDS ?? 900)),
    bulletins: new S3BulletinArchive(s3, bucket),
    audit,
  }),
  audit,
  logger,
});

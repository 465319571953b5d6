import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbVerifications } from '../adapters/dynamodb/DynamoDbVerifications.js';
import { VerificationService } from '../core/verification/VerificationService.js';
import { requiredEnvironment } from '../requiredEnvironment.js';
import { createVerifyHandler } from './createVerifyHandler.js';
import { AWS_CLIENT_CONFIG } from '../adapters/awsClientConfig.js';

const verifications = new DynamoDbVerifications(
  new DynamoDBClient(AWS_CLIENT_CONFIG),
  requiredEnvironment('AWARDS_TABLE_NAME', 'verify'),
);

/** Lambda entry point behind the public routes GET /verify and GET /verify/{code} (no authorizer, throttled). */
export const handler = createVerifyHandler({
  service: new VerificationService({ index: verifications, awards: verifications }),
  logger: new Logger({ serviceName: 'verify' }),
});

import { Logger } from '@aws-lambda-powertools/logger';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { AWS_CLIENT_CONFIG } from '../adapters/awsClientConfig.js';
import { CloudWatchAuditTrail } from '../adapters/cloudwatch/CloudWatchAuditTrail.js';
import { DynamoDbAwardQueries } from '../adapters/dynamodb/DynamoDbAwardQueries.js';
import { DynamoDbAwardStore } from '../adapters/dynamodb/DynamoDbAwardStore.js';
import { AwardWorkflow } from '../core/award/AwardWorkflow.js';
import { ReviewDesk } from '../core/desk/ReviewDesk.js';
import { DraftDocuments } from '../core/documents/renderDrafts.js';
import { requiredEnvironment } from '../requiredEnvironment.js';
import { createDeskHandler } from './createDeskHandler.js';

const required = (name: string) => requiredEnvironment(name, 'desk');

const dynamodb = new DynamoDBClient(AWS_CLIENT_CONFIG);
const tableName = required('AWARDS_TABLE_NAME');
// The drafts are drawn by the engine the render function runs, with the fonts bundled beside it.
const drafts = new DraftDocuments({
  ownAuthority: { name: required('AUTHORITY_NAME'), code: required('AUTHORITY_CODE') },
});
// Decisions and refusals go to the audit log group, as the links API's lines do.
const audit = new CloudWatchAuditTrail(new CloudWatchLogsClient(AWS_CLIENT_CONFIG), required('AUDIT_LOG_GROUP'));

/** Lambda entry point behind the HTTP API's approvers' routes and its JWT authorizer. */
export const handler = createDeskHandler({
  desk: new ReviewDesk({
    awards: new DynamoDbAwardQueries(dynamodb, tableName),
    workflow: new AwardWorkflow(new DynamoDbAwardStore(dynamodb, tableName), undefined, drafts),
    drafts,
    audit,
  }),
  audit,
  logger: new Logger({ serviceName: 'desk' }),
});

import { Duration, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, type IFunction, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { RENDER_EVENT_SOURCE } from '../../functions/definitions/renderEventSource.js';

/**
 * Subscribes a function to the awards table's stream with the shared settings (those the local
 * poller uses): its filter, partial batch responses, bisection, a retry limit, a maximum record
 * age, and the on-failure queue.
 */
export function subscribeToStream(
  fn: IFunction,
  role: IRole,
  table: Table,
  failures: Queue,
  patterns: readonly object[],
): void {
  fn.addEventSource(
    new DynamoEventSource(table, {
      startingPosition: StartingPosition[RENDER_EVENT_SOURCE.startingPosition],
      batchSize: RENDER_EVENT_SOURCE.batchSize,
      bisectBatchOnError: RENDER_EVENT_SOURCE.bisectBatchOnError,
      retryAttempts: RENDER_EVENT_SOURCE.retryAttempts,
      maxRecordAge: Duration.seconds(RENDER_EVENT_SOURCE.maxRecordAgeSeconds),
      reportBatchItemFailures: true,
      onFailure: new SqsDlq(failures),
      filters: patterns.map((pattern) => FilterCriteria.filter(pattern as Record<string, unknown>)),
    }),
  );
  Validations.of(role).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: 'dynamodb:ListStreams, added by the DynamoDB event source, supports no resource-level permission.',
  });
}

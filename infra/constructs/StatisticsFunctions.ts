import { Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Bucket, CfnBucket } from 'aws-cdk-lib/aws-s3';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FontConfig } from '../../functions/core/engine/fonts/fontConfig.js';
import { STATISTICS_FILTER_PATTERNS } from '../../functions/definitions/streamFilters.js';
import { DOCUMENTS_BUCKET } from '../../functions/definitions/documentsBucket.js';
import { NUMBERING_KEY_PATTERNS, VERIFICATION_KEY_PATTERN } from '../../functions/definitions/awardsTable.js';
import { engineBundle } from './engineBundling.js';
import { PipelineFunction, PLAIN_BUNDLING } from './PipelineFunction.js';
import {
  type DocumentSigning,
  type DocumentVerification,
  signingEnvironment,
  verificationEnvironment,
} from './renderingFunction.js';
import { subscribeToStream } from './streamEventSource.js';

export interface StatisticsFunctionsProps {
  readonly table: Table;
  readonly bucket: Bucket;
  /** The render function's on-failure queue: changes given up on go to the same place. */
  readonly failures: Queue;
  /** The stack's own authority: it issues the bulletin, and its code numbers it. */
  readonly authority: { readonly name: string; readonly code: string };
  /** The bulletin is marked and its code recorded, as award documents are. */
  readonly verification: DocumentVerification;
  /** The KMS key the archived bulletin is signed with, and its certificate chain. */
  readonly signing: DocumentSigning;
  readonly schedule: string;
  readonly timezone: string;
  readonly fonts?: Partial<FontConfig>;
  readonly retain: boolean;
}

/**
 * The statistics bulletin: a stream consumer that keeps the figures per scope, and a function
 * on an EventBridge Scheduler schedule that compiles the bulletin from them.
 */
export class StatisticsFunctions extends Construct {
  readonly counter: NodejsFunction;
  readonly bulletin: NodejsFunction;

  constructor(scope: Construct, id: string, props: StatisticsFunctionsProps) {
    super(scope, id);
    const counter = new PipelineFunction(this, 'Counter', {
      entry: 'functions/statistics/handler.ts',
      bundling: PLAIN_BUNDLING,
      // Counting is a few arithmetic operations and one transaction per change.
      memorySize: 256,
      timeout: Duration.seconds(30),
      retain: props.retain,
      environment: {
        AWARDS_TABLE_NAME: props.table.tableName,
        POWERTOOLS_SERVICE_NAME: 'statistics',
        POWERTOOLS_LOG_LEVEL: 'INFO',
      },
    });
    this.counter = counter.function;
    counter.role.addToPolicy(
      new PolicyStatement({
        // Validating the changed award needs no read; the counters and markers are one transaction of Update and Put.
        actions: ['dynamodb:UpdateItem', 'dynamodb:PutItem'],
        resources: [props.table.tableArn],
      }),
    );
    subscribeToStream(this.counter, counter.role, props.table, props.failures, STATISTICS_FILTER_PATTERNS);

    const { bundling, environment } = engineBundle(props.fonts);
    const bulletin = new PipelineFunction(this, 'Bulletin', {
      entry: 'functions/bulletin/handler.ts',
      bundling,
      // One document of a few pages a run: the render function's size, for its fonts.
      memorySize: 1536,
      timeout: Duration.minutes(1),
      retain: props.retain,
      environment: {
        ...environment,
        ...verificationEnvironment(props.verification),
        ...signingEnvironment(props.signing),
        AWARDS_TABLE_NAME: props.table.tableName,
        DOCUMENTS_BUCKET_NAME: props.bucket.bucketName,
        AUTHORITY_NAME: props.authority.name,
        AUTHORITY_CODE: props.authority.code,
        POWERTOOLS_SERVICE_NAME: 'bulletin',
        POWERTOOLS_LOG_LEVEL: 'INFO',
      },
    });
    this.bulletin = bulletin.function;
    props.verification.secret.grantRead(bulletin.role);
    props.signing.key.grantSign(bulletin.role);
    bulletin.role.addToPolicy(
      new PolicyStatement({ actions: ['dynamodb:BatchGetItem'], resources: [props.table.tableArn] }),
    );
    bulletin.role.addToPolicy(
      new PolicyStatement({
        // Its 文号: read and write the numbering items (one transaction of three conditioned Puts),
        // and its verification item (one conditioned Put); never an award.
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
        resources: [props.table.tableArn],
        conditions: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...NUMBERING_KEY_PATTERNS, VERIFICATION_KEY_PATTERN] },
        },
      }),
    );
    bulletin.role.addToPolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject'],
        resources: [props.bucket.arnForObjects(`${DOCUMENTS_BUCKET.prefixes.bulletins}*`)],
      }),
    );
    // Listing finds the previous bulletin; it also makes a missing object answer 404, not 403.
    bulletin.role.addToPolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [props.bucket.bucketArn] }));
    const bucketId = Stack.of(this).resolve((props.bucket.node.defaultChild as CfnBucket).logicalId) as string;
    Validations.of(bulletin.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/bulletins/*]`,
      reason: 'Bulletins are written as bulletins/<cut-off>.pdf|.json: the grant is that prefix, no wider.',
    });

    new Schedule(this, 'Schedule', {
      schedule: ScheduleExpression.expression(props.schedule, TimeZone.of(props.timezone)),
      description: 'Compiles the statistics bulletin; each run is cut off at its scheduled time',
      target: new LambdaInvoke(this.bulletin, {
        input: ScheduleTargetInput.fromObject({ cutoff: ContextAttribute.scheduledTime }),
      }),
    });
    // The scheduler's role is created at stack level; the finding names this function alone.
    const functionId = Stack.of(this).resolve((this.bulletin.node.defaultChild as CfnFunction).logicalId) as string;
    Validations.of(Stack.of(this)).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${functionId}.Arn>:*]`,
      reason:
        'The schedule may invoke the bulletin function and its versions: ' +
        'lambda:InvokeFunction on <function>:*, no other resource.',
    });
  }
}

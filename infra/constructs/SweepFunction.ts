import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Bucket, CfnBucket } from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import type { FontConfig } from '../../functions/core/engine/fonts/fontConfig.js';
import { LAG_INDEX } from '../../functions/definitions/awardsTable.js';
import { DOCUMENTS_BUCKET } from '../../functions/definitions/documentsBucket.js';
import { METRICS_NAMESPACE } from '../../functions/definitions/metrics.js';
import { engineBundle } from './engineBundling.js';
import { PipelineFunction } from './PipelineFunction.js';

export interface SweepFunctionProps {
  readonly table: Table;
  readonly bucket: Bucket;
  readonly authority: { readonly name: string; readonly code: string };
  /** How often the sweep runs, and how long an award may lag before it is taken (the stream's time). */
  readonly every: Duration;
  readonly grace: Duration;
  readonly fonts?: Partial<FontConfig>;
  readonly retain: boolean;
}

/**
 * The safety net behind the render function's stream: on a schedule, re-drives through the same
 * pipeline every award whose documents have lagged behind its state for longer than the grace
 * period — those whose stream records went to the on-failure queue or outlived the stream's
 * 24 hours. It reads the byLag index, which holds only lagging awards, never the whole table.
 */
export class SweepFunction extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: SweepFunctionProps) {
    super(scope, id);
    const { bundling, environment } = engineBundle(props.fonts);
    const { function: fn, role } = new PipelineFunction(this, 'Function', {
      entry: 'functions/sweep/handler.ts',
      bundling,
      // It renders as the render function does, one award after another.
      memorySize: 1536,
      timeout: Duration.minutes(10),
      retain: props.retain,
      environment: {
        ...environment,
        AWARDS_TABLE_NAME: props.table.tableName,
        DOCUMENTS_BUCKET_NAME: props.bucket.bucketName,
        AUTHORITY_NAME: props.authority.name,
        AUTHORITY_CODE: props.authority.code,
        SWEEP_GRACE_SECONDS: String(props.grace.toSeconds()),
        POWERTOOLS_SERVICE_NAME: 'sweep',
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: 'INFO',
      },
    });
    this.function = fn;
    role.addToPolicy(
      new PolicyStatement({
        // The render pipeline's reads and writes: the award, its numbers (a transaction of Puts).
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
        resources: [props.table.tableArn],
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: [`${props.table.tableArn}/index/${LAG_INDEX.name}`],
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject', 's3:PutObjectTagging'],
        resources: [props.bucket.arnForObjects(`${DOCUMENTS_BUCKET.prefixes.awards}*`)],
      }),
    );
    role.addToPolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [props.bucket.bucketArn] }));
    const bucketId = Stack.of(this).resolve((props.bucket.node.defaultChild as CfnBucket).logicalId) as string;
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/awards/*]`,
      reason: 'It re-drives any award: documents are written as awards/<record id>/…, the grant is that prefix.',
    });

    new Schedule(this, 'Schedule', {
      schedule: ScheduleExpression.rate(props.every),
      description: 'Re-drives awards whose documents lag behind their state (the safety net behind the stream)',
      target: new LambdaInvoke(fn, {}),
    });
    const functionId = Stack.of(this).resolve((fn.node.defaultChild as CfnFunction).logicalId) as string;
    Validations.of(Stack.of(this)).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${functionId}.Arn>:*]`,
      reason:
        'The schedule may invoke the sweep function and its versions: ' +
        'lambda:InvokeFunction on <function>:*, no other resource.',
    });
  }
}

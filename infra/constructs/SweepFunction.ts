import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import type { FontConfig } from '../../functions/core/engine/fonts/fontConfig.js';
import { LAG_INDEX } from '../../functions/definitions/awardsTable.js';
import { type DocumentSigning, type DocumentVerification, renderingFunction } from './renderingFunction.js';

export interface SweepFunctionProps {
  readonly table: Table;
  readonly bucket: Bucket;
  readonly authority: { readonly name: string; readonly code: string };
  /** The verification secret and page address each document's mark is made from. */
  readonly verification: DocumentVerification;
  /** The KMS key each stored document is signed with, and its certificate chain. */
  readonly signing: DocumentSigning;
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
    const { function: fn, role } = renderingFunction(this, {
      ...props,
      entry: 'functions/sweep/handler.ts',
      service: 'sweep',
      // It renders one lagging award after another; a backlog after an outage takes a while.
      timeout: Duration.minutes(10),
      environment: { SWEEP_GRACE_SECONDS: String(props.grace.toSeconds()) },
    });
    this.function = fn;
    role.addToPolicy(
      new PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: [`${props.table.tableArn}/index/${LAG_INDEX.name}`],
      }),
    );

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

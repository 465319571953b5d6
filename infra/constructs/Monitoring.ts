import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE } from '../../functions/definitions/metrics.js';

export interface MonitoringProps {
  readonly renderFunction: IFunction;
  readonly renderFailures: Queue;
  readonly sweepFunction: IFunction;
  readonly api: HttpApi;
  readonly alarmEmails: readonly string[];
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * What an operator watches: alarms on render errors, records that could not be rendered, the
 * on-failure queue, the stream's iterator age and the staff API's 5xx, sent to an encrypted SNS
 * topic; one dashboard.
 */
export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly dashboard: Dashboard;
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    // CloudWatch cannot publish to a topic under the AWS-managed SNS key: the topic has a key of its own.
    const key = new Key(this, 'TopicKey', {
      enableKeyRotation: true,
      description: 'Encrypts the award pipeline alarm topic',
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        resources: ['*'],
      }),
    );
    this.topic = new Topic(this, 'Alarms', {
      masterKey: key,
      enforceSSL: true,
      displayName: 'Wartime awards pipeline alarms',
    });
    for (const email of props.alarmEmails) this.topic.addSubscription(new EmailSubscription(email));
    this.action = new SnsAction(this.topic);

    const fn = props.renderFunction;
    const pipelineMetric = (metricName: string, service = 'render') =>
      new Metric({
        namespace: METRICS_NAMESPACE,
        metricName,
        dimensionsMap: { service },
        statistic: 'Sum',
        period: FIVE_MINUTES,
      });
    const invalidRecords = pipelineMetric('InvalidRecords');
    const documentsRendered = pipelineMetric('DocumentsRendered');
    const deploymentFaults = pipelineMetric('DeploymentFaults');
    const awardsSwept = pipelineMetric('AwardsSwept', 'sweep');
    const iteratorAge = fn.metric('IteratorAge', { statistic: 'Maximum', period: FIVE_MINUTES });
    const deadLetters = props.renderFailures.metricApproximateNumberOfMessagesVisible({
      period: FIVE_MINUTES,
      statistic: 'Maximum',
    });

    this.alarm(
      'RenderErrors',
      fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
      1,
      'The render function failed (an exception, a timeout or out of memory).',
    );
    this.alarm(
      'InvalidRecords',
      invalidRecords,
      1,
      'Approved records could not be rendered: see renderStatus/failureReason on the records.',
    );
    this.alarm(
      'DeploymentFaults',
      deploymentFaults,
      1,
      'A template, font or the subsetter failed: ' +
        'records are retried until the deployment is mended (see the render logs).',
    );
    this.alarm(
      'AwardsSwept',
      awardsSwept,
      1,
      'The sweep found awards whose documents lagged behind their state and re-drove them: ' +
        'something upstream failed (see the render on-failure queue and the render logs).',
    );
    // Documents are stored unsigned only while the stack has no signingCertificateChain: that is
    // allowed for a first deployment (the key's certificate is issued after it), and alarmed.
    const unsignedDocuments = new MathExpression({
      expression: 'FILL(render, 0) + FILL(sweep, 0) + FILL(bulletin, 0)',
      usingMetrics: {
        render: pipelineMetric('UnsignedDocuments'),
        sweep: pipelineMetric('UnsignedDocuments', 'sweep'),
        bulletin: pipelineMetric('UnsignedDocuments', 'bulletin'),
      },
      label: 'Documents stored unsigned',
      period: FIVE_MINUTES,
    });
    this.alarm(
      'UnsignedDocuments',
      unsignedDocuments,
      1,
      'Documents were stored without a digital signature: the stack has no signingCertificateChain ' +
        '(have a certificate issued for the SigningKeyArn output, set it in cdk.json and deploy again).',
    );
    this.alarm(
      'SweepErrors',
      props.sweepFunction.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
      1,
      'The sweep function failed (an exception, a timeout or out of memory).',
    );
    this.alarm(
      'RenderFailuresQueue',
      deadLetters,
      1,
      'Stream records were given up on after their retries: they are in the render on-failure queue.',
    );
    this.alarm(
      'StreamIteratorAge',
      iteratorAge,
      Duration.minutes(5).toMilliseconds(),
      'Approvals wait more than 5 minutes for their documents.',
    );
    const serverErrors = props.api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' });
    this.alarm('Api5xx', serverErrors, 1, 'The staff download API answered with server errors.');

    this.dashboard = new Dashboard(this, 'Dashboard', {
      widgets: [
        [
          new GraphWidget({
            title: 'Documents rendered / invalid records / deployment faults / awards swept',
            left: [documentsRendered, invalidRecords, deploymentFaults, awardsSwept],
            width: 12,
          }),
          new GraphWidget({
            title: 'Render function: invocations, errors',
            left: [fn.metricInvocations({ period: FIVE_MINUTES }), fn.metricErrors({ period: FIVE_MINUTES })],
            width: 12,
          }),
        ],
        [
          new GraphWidget({
            title: 'Render duration (p50, p95)',
            left: [
              fn.metricDuration({ statistic: 'p50', period: FIVE_MINUTES }),
              fn.metricDuration({ statistic: 'p95', period: FIVE_MINUTES }),
            ],
            width: 12,
          }),
          new GraphWidget({
            title: 'Stream iterator age / on-failure queue',
            left: [iteratorAge],
            right: [deadLetters],
            width: 12,
          }),
        ],
        [new GraphWidget({ title: 'Staff API: 5xx', left: [serverErrors], width: 12 })],
      ],
    });
  }

  /** An alarm at or above `threshold`, notifying the topic; no data means nothing happened. */
  alarm(id: string, metric: IMetric, threshold: number, description: string): Alarm {
    const alarm = new Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(this.action);
    return alarm;
  }
}

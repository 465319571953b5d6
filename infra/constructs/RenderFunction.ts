import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Bucket, CfnBucket } from 'aws-cdk-lib/aws-s3';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FontConfig } from '../../functions/core/engine/fonts/fontConfig.js';
import { RENDER_FILTER_PATTERNS } from '../../functions/definitions/streamFilters.js';
import { engineBundle } from './engineBundling.js';
import { PipelineFunction } from './PipelineFunction.js';
import { subscribeToStream } from './streamEventSource.js';
import { METRICS_NAMESPACE } from '../../functions/definitions/metrics.js';
import { DOCUMENTS_BUCKET } from '../../functions/definitions/documentsBucket.js';

export interface RenderFunctionProps {
  readonly table: Table;
  readonly bucket: Bucket;
  /** The stack's own authority, whose code numbers its records that give none. */
  readonly authority: { readonly name: string; readonly code: string };
  readonly fonts?: Partial<FontConfig>;
  readonly retain: boolean;
}

/**
 * The render function on the awards table's stream: the "approved or revoked award" filter from
 * the shared definition, partial batch responses, bisection of failing batches, a retry limit
 * and a maximum record age, then an encrypted on-failure queue — so no approval is lost silently.
 */
export class RenderFunction extends Construct {
  readonly function: NodejsFunction;
  readonly failures: Queue;

  constructor(scope: Construct, id: string, props: RenderFunctionProps) {
    super(scope, id);
    const { bundling, environment } = engineBundle(props.fonts);
    const { function: fn, role } = new PipelineFunction(this, 'Function', {
      entry: 'functions/render/handler.ts',
      bundling,
      // npm run bench: a document takes 2–8 ms warm and the first one ~200 ms cold with four
      // fonts (~51 MB) loaded into memory. 1536 MB buys most of a vCPU, so a batch of 25
      // renders in well under a second; the timeout leaves room for S3 and DynamoDB retries.
      memorySize: 1536,
      timeout: Duration.minutes(2),
      retain: props.retain,
      environment: {
        ...environment,
        AWARDS_TABLE_NAME: props.table.tableName,
        DOCUMENTS_BUCKET_NAME: props.bucket.bucketName,
        AUTHORITY_NAME: props.authority.name,
        AUTHORITY_CODE: props.authority.code,
        POWERTOOLS_SERVICE_NAME: 'render',
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: 'INFO',
      },
    });
    this.function = fn;

    role.addToPolicy(
      new PolicyStatement({
        // Read the award; every write is a whole item under a condition, numbers a transaction of three Puts.
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
        resources: [props.table.tableArn],
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        // HeadObject needs s3:GetObject; documents are only ever written under awards/.
        actions: ['s3:GetObject', 's3:PutObject', 's3:PutObjectTagging'],
        resources: [props.bucket.arnForObjects(`${DOCUMENTS_BUCKET.prefixes.awards}*`)],
      }),
    );

    role.addToPolicy(
      new PolicyStatement({
        // Without it S3 answers HeadObject of a document not yet stored with 403, not 404. (A prefix
        // condition would not help: HeadObject requests carry no s3:prefix.)
        actions: ['s3:ListBucket'],
        resources: [props.bucket.bucketArn],
      }),
    );

    this.failures = new Queue(this, 'Failures', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.failures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the on-failure destination of the render function; ' +
        'its messages are read by an operator, not re-driven.',
    });
    subscribeToStream(this.function, role, props.table, this.failures, RENDER_FILTER_PATTERNS);
    const bucketId = Stack.of(this).resolve((props.bucket.node.defaultChild as CfnBucket).logicalId) as string;
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/awards/*]`,
      reason:
        'Documents are written as awards/<record id>/<kind>-v<version>.pdf for any record: ' +
        'the grant is the awards/ prefix, no wider.',
    });
  }
}

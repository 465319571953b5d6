import { Duration, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FontConfig } from '../../functions/core/engine/fonts/fontConfig.js';
import { RENDER_FILTER_PATTERNS } from '../../functions/definitions/streamFilters.js';
import { type DocumentSigning, type DocumentVerification, renderingFunction } from './renderingFunction.js';
import { subscribeToStream } from './streamEventSource.js';

export interface RenderFunctionProps {
  readonly table: Table;
  readonly bucket: Bucket;
  /** The stack's own authority, whose code numbers its records that give none. */
  readonly authority: { readonly name: string; readonly code: string };
  /** The verification secret and page address each document's mark is made from. */
  readonly verification: DocumentVerification;
  /** The KMS key each stored document is signed with, and its certificate chain. */
  readonly signing: DocumentSigning;
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
    const { function: fn, role } = renderingFunction(this, {
      ...props,
      entry: 'functions/render/handler.ts',
      service: 'render',
      // Room for a batch of 25 and for S3 and DynamoDB retries.
      timeout: Duration.minutes(2),
    });
    this.function = fn;

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
  }
}

import { type Duration, Stack, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Bucket, CfnBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { FontConfig } from '../../functions/core/engine/fonts/fontConfig.js';
import { DOCUMENTS_BUCKET } from '../../functions/definitions/documentsBucket.js';
import { METRICS_NAMESPACE } from '../../functions/definitions/metrics.js';
import { engineBundle } from './engineBundling.js';
import { RENDER_MEMORY_MB } from '../config/renderMemory.js';
import { PipelineFunction } from './PipelineFunction.js';
import type { SigningKey } from './SigningKey.js';
import type { VerificationSecret } from './VerificationSecret.js';

/** What a function that makes documents needs to mark them: the secret it may read, and the page's address. */
export interface DocumentVerification {
  readonly secret: VerificationSecret;
  /** verifyBaseUrl: a custom domain, or the API's address. */
  readonly baseUrl: string;
}

/** Where a function's verification secret and page are (read by verificationMarksFromEnvironment). */
export function verificationEnvironment(verification: DocumentVerification): Record<string, string> {
  return { VERIFICATION_SECRET_ID: verification.secret.secret.secretArn, VERIFY_BASE_URL: verification.baseUrl };
}

/** What a function that stores documents signs them with: the KMS key and the certificate chain issued for it. */
export interface DocumentSigning {
  readonly key: SigningKey;
  /** PEM, the signer's certificate first; until one is issued, documents are stored unsigned. */
  readonly certificateChain?: string | undefined;
}

/** Where a function's signing key and certificates are (read by signerFromEnvironment). */
export function signingEnvironment(signing: DocumentSigning): Record<string, string> {
  return {
    SIGNING_KEY_ID: signing.key.key.keyArn,
    ...(signing.certificateChain ? { SIGNING_CERTIFICATE_CHAIN: signing.certificateChain } : {}),
  };
}

export interface RenderingFunctionProps {
  readonly entry: string;
  /** Its Powertools service name, which its metrics are dimensioned by. */
  readonly service: string;
  readonly timeout: Duration;
  readonly table: Table;
  readonly bucket: Bucket;
  /** The stack's own authority, whose code numbers its records that give none. */
  readonly authority: { readonly name: string; readonly code: string };
  readonly verification: DocumentVerification;
  readonly signing: DocumentSigning;
  readonly environment?: Record<string, string>;
  readonly fonts?: Partial<FontConfig>;
  readonly retain: boolean;
}

/**
 * A function that runs the render pipeline (the render function on the stream, the sweep on its
 * schedule), as `Function` in the given scope: the engine with its fonts in the asset, the table
 * and bucket in its environment, and exactly the grants the pipeline needs — read and write award
 * items and their verification items, write and tag documents under awards/, read the
 * verification secret.
 */
export function renderingFunction(
  scope: Construct,
  props: RenderingFunctionProps,
): { function: NodejsFunction; role: Role } {
  const { bundling, environment } = engineBundle(props.fonts);
  const { function: fn, role } = new PipelineFunction(scope, 'Function', {
    entry: props.entry,
    bundling,
    memorySize: RENDER_MEMORY_MB,
    timeout: props.timeout,
    retain: props.retain,
    environment: {
      ...environment,
      ...props.environment,
      ...verificationEnvironment(props.verification),
      ...signingEnvironment(props.signing),
      AWARDS_TABLE_NAME: props.table.tableName,
      DOCUMENTS_BUCKET_NAME: props.bucket.bucketName,
      AUTHORITY_NAME: props.authority.name,
      AUTHORITY_CODE: props.authority.code,
      POWERTOOLS_SERVICE_NAME: props.service,
      POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
      POWERTOOLS_LOG_LEVEL: 'INFO',
    },
  });
  // Each document's code is derived from the deployment's secret.
  props.verification.secret.grantRead(role);
  // Each stored document is signed with the deployment's key.
  props.signing.key.grantSign(role);
  role.addToPolicy(
    new PolicyStatement({
      // Read the award; every write is a whole item under a condition, numbers a transaction of three Puts,
      // documents' refs a transaction of the award's Put and one Put per verification code.
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
  const bucketId = Stack.of(scope).resolve((props.bucket.node.defaultChild as CfnBucket).logicalId) as string;
  Validations.of(role).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/awards/*]`,
    reason:
      'Documents are written as awards/<record id>/<kind>-v<version>.pdf for any record: ' +
      'the grant is the awards/ prefix, no wider.',
  });
  return { function: fn, role };
}

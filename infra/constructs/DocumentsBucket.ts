import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AnyPrincipal, Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { DOCUMENTS_BUCKET } from '../../functions/definitions/documentsBucket.js';

/**
 * The private documents bucket: no public access, TLS only, encrypted, versioned (a document is
 * never lost to an overwrite), access logged to a bucket of its own, old versions expired after
 * a year; a document tagged withdrawn is readable by nobody.
 */
export class DocumentsBucket extends Construct {
  readonly bucket: Bucket;
  readonly accessLogs: Bucket;

  constructor(scope: Construct, id: string, props: { retain: boolean }) {
    super(scope, id);
    const removal = props.retain
      ? { removalPolicy: RemovalPolicy.RETAIN }
      : { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true };
    this.accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(730) }],
      ...removal,
    });
    Validations.of(this.accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket of the documents bucket; logging it into itself would loop.',
    });
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      versioned: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'documents/',
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(365) }],
      ...removal,
    });
    // A presigned link is a request made as the role that signed it, checked when it is used: this
    // deny ends every link to a document the moment the document is tagged withdrawn. It binds the
    // stack's own functions too, on purpose: none needs to read a withdrawn document (withdrawing
    // writes a tag; the bulletins are never tagged), and the one read that can meet one — the
    // check before a render is stored, in a render racing the revocation — is refused, so it never
    // writes an untagged copy over a withdrawn document; its retry finds the award revoked. (An
    // exemption by role could never include the links function's: its links run as its role.)
    const { key, value } = DOCUMENTS_BUCKET.withdrawnTag;
    this.bucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'DenyReadingWithdrawnDocuments',
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        // s3:GetObject governs GET and HEAD; s3:GetObjectVersion the same asked by version id.
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [this.bucket.arnForObjects('*')],
        conditions: { StringEquals: { [`s3:ExistingObjectTag/${key}`]: value } },
      }),
    );
  }
}

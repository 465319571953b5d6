import { RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/**
 * The deployment's document-signing key: asymmetric RSA-2048 in KMS, for signing only, never
 * exported. Functions that store documents may sign with it and do nothing else. Its certificate
 * is issued outside the stack for the key's public key (`aws kms get-public-key`) and given back
 * as the context value signingCertificateChain (PEM, the signer's certificate first).
 */
export class SigningKey extends Construct {
  readonly key: Key;

  constructor(scope: Construct, id: string, props: { retain: boolean }) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'Signs the stored award documents (PAdES, RSASSA-PKCS1-v1_5 SHA-256)',
      keySpec: KeySpec.RSA_2048,
      keyUsage: KeyUsage.SIGN_VERIFY,
      // Signatures on issued documents name this key's certificate: deleting it loses nothing
      // already signed, but a retained stack keeps it for documents re-signed on correction.
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
  }

  /** Lets a function sign with this key: kms:Sign on it, nothing else of KMS. */
  grantSign(role: Role): void {
    role.addToPolicy(new PolicyStatement({ actions: ['kms:Sign'], resources: [this.key.keyArn] }));
  }
}

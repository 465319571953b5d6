import { KMSClient } from '@aws-sdk/client-kms';
import { KmsDocumentSigner } from '../adapters/kms/KmsDocumentSigner.js';
import type { DocumentSigner } from '../core/signing/DocumentSigner.js';
import { certificatesFromPem } from '../core/signing/certificatesFromPem.js';
import { requiredEnvironment } from '../requiredEnvironment.js';
import { AWS_CLIENT_CONFIG } from '../adapters/awsClientConfig.js';

/**
 * The signer of a function that stores documents: the stack's KMS key (SIGNING_KEY_ID) and the
 * certificate chain issued for it (SIGNING_CERTIFICATE_CHAIN, PEM, from the CDK context
 * signingCertificateChain). Undefined until a certificate is configured: the key exists from the
 * first deployment, its certificate only once a CA has issued one for the key's public key.
 */
export function signerFromEnvironment(functionName: string): DocumentSigner | undefined {
  const keyId = requiredEnvironment('SIGNING_KEY_ID', functionName);
  const chain = certificatesFromPem(process.env.SIGNING_CERTIFICATE_CHAIN ?? '');
  if (chain.length === 0) return undefined;
  return new KmsDocumentSigner(new KMSClient(AWS_CLIENT_CONFIG), keyId, chain);
}

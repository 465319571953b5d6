import { KMSClient } from '@aws-sdk/client-kms';
import { KmsDocumentSigner } from '../adapters/kms/KmsDocumentSigner.js';
import type { DocumentSigner } from '../core/signing/DocumentSigner.js';
import { certificatesFromPem } from '../core/signing/certificatesFromPem.js';
import { requiredEnvironment } from '../requiredEnvironment.js';

/**
 * The SDK waits on a stalled connection for ever by default (and only warns when requestTimeout
 * passes unless told to throw): a KMS call that stalls fails instead, and the stream (or the
 * schedule) retries the record, well inside the function's timeout.
 */
export const KMS_TIMEOUTS = { connectionTimeout: 2_000, requestTimeout: 5_000, throwOnRequestTimeout: true } as const;

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
  return new KmsDocumentSigner(new KMSClient({ requestHandler: KMS_TIMEOUTS }), keyId, chain);
}

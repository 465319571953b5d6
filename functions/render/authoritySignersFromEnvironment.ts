import { KMSClient } from '@aws-sdk/client-kms';
import { KmsDocumentSigner } from '../adapters/kms/KmsDocumentSigner.js';
import { AWS_CLIENT_CONFIG } from '../adapters/awsClientConfig.js';
import { AuthorityRegistry } from '../core/authorities/AuthorityRegistry.js';
import type { AuthoritySigners } from '../core/signing/AuthoritySigners.js';
import { certificatesFromPem } from '../core/signing/certificatesFromPem.js';
import type { DocumentSigner } from '../core/signing/DocumentSigner.js';
import { requiredEnvironment } from '../requiredEnvironment.js';

/**
 * Each registered authority's signer in AWS: the stack's one KMS key (SIGNING_KEY_ID), with the
 * certificate a CA issued for that key in the authority's name (its `certificateChain` in the
 * registry) — so pdfsig names the authority whose seal the document bears. The deployment's own
 * authority may use the stack-wide SIGNING_CERTIFICATE_CHAIN instead. An authority with neither
 * has its documents stored unsigned (counted, alarmed), never signed in another's name.
 */
export function authoritySignersFromEnvironment(
  functionName: string,
  registry: AuthorityRegistry = AuthorityRegistry.shared(),
): AuthoritySigners {
  const keyId = requiredEnvironment('SIGNING_KEY_ID', functionName);
  const kms = new KMSClient(AWS_CLIENT_CONFIG);
  const own = process.env.AUTHORITY_NAME;
  const ownChain = certificatesFromPem(process.env.SIGNING_CERTIFICATE_CHAIN ?? '');
  const signers = new Map<string, DocumentSigner | undefined>();
  for (const authority of registry.authorities) {
    const chain = authority.certificateChain
      ? certificatesFromPem(authority.certificateChain)
      : authority.name === own
        ? ownChain
        : [];
    signers.set(authority.id, chain.length > 0 ? new KmsDocumentSigner(kms, keyId, chain) : undefined);
  }
  return {
    signerFor: ({ id, name }) => signers.get(id ?? registry.find(name)?.id ?? ''),
  };
}

import { createHash } from 'node:crypto';
import { type KMSClient, SignCommand } from '@aws-sdk/client-kms';
import type { DocumentSigner } from '../../core/signing/DocumentSigner.js';

/**
 * Signs with an asymmetric KMS key (RSA_2048, SIGN_VERIFY): the digest is made here and sent as
 * such, so the document never leaves the function and KMS signs 32 bytes. PKCS#1 v1.5 keeps the
 * signature deterministic. The certificate chain is the one issued for the key's public key.
 */
export class KmsDocumentSigner implements DocumentSigner {
  constructor(
    private readonly kms: KMSClient,
    private readonly keyId: string,
    readonly certificateChain: readonly Uint8Array[],
  ) {}

  async sign(message: Uint8Array): Promise<Uint8Array> {
    const { Signature } = await this.kms.send(
      new SignCommand({
        KeyId: this.keyId,
        Message: createHash('sha256').update(message).digest(),
        MessageType: 'DIGEST',
        SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256',
      }),
    );
    if (Signature === undefined) throw new Error(`KMS key ${this.keyId}: Sign returned no signature`);
    return Signature;
  }
}

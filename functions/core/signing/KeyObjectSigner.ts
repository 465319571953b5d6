import { type KeyObject, sign } from 'node:crypto';
import type { DocumentSigner } from './DocumentSigner.js';

/** A signer whose RSA key is in this process: the development key, and tests. */
export class KeyObjectSigner implements DocumentSigner {
  constructor(
    private readonly privateKey: KeyObject,
    readonly certificateChain: readonly Uint8Array[],
  ) {}

  async sign(message: Uint8Array): Promise<Uint8Array> {
    // RSA keys sign with PKCS#1 v1.5 unless told otherwise: deterministic, as the port requires.
    return sign('sha256', message, this.privateKey);
  }
}

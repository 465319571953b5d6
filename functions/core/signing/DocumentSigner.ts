/**
 * The port a document's signature goes through: a key that signs with RSASSA-PKCS1-v1_5 over
 * SHA-256 (deterministic, so the same document and key give the same bytes) and the certificate
 * chain that names it. The key may live in KMS; the core never sees it.
 */
export interface DocumentSigner {
  /** The DER certificates, the signer's own first, then its issuers. */
  readonly certificateChain: readonly Uint8Array[];
  /** The PKCS#1 v1.5 signature of SHA-256(message). */
  sign(message: Uint8Array): Promise<Uint8Array>;
}

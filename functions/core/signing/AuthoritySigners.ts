import type { DocumentSigner } from './DocumentSigner.js';

/**
 * Each registered authority's signer: a document is signed by its own authority's key and
 * certificate, so the signature's signer, the seal and the authority printed agree. Undefined for
 * an authority whose certificate is not configured yet (its documents are stored unsigned, counted).
 */
export interface AuthoritySigners {
  signerFor(authority: { readonly id?: string; readonly name: string }): DocumentSigner | undefined;
}

import type { Region } from '../records/constants.js';

/**
 * An authority this deployment issues documents for, as its configuration states it: its name,
 * its seal, the code its 文号 are numbered with, and the regions whose approvers decide its awards.
 * What a document claims of its issuer comes from here, never from the record.
 */
export interface RegisteredAuthority {
  readonly id: string;
  readonly name: string;
  readonly seal: { readonly text: string; readonly shape: 'star' };
  /** The 机关代字 of its 文号 (内公奖); an authority without one issues no numbered documents. */
  readonly numberingCode?: string;
  readonly regions: readonly Region[];
  /** Its names in traditional Mongolian script, for bilingual documents (optional). */
  readonly mongolian?: { readonly name?: string; readonly sealText?: string };
  /** PEM: the certificate chain issued for its signing key, the signer's certificate first (deployed). */
  readonly certificateChain?: string;
}

import type { DocumentFacts } from './DocumentFacts.js';

/**
 * What a verification code points at, stored once when the document is (VERIFY#<code>): the
 * document, its SHA-256 and what it prints. Exactly one of `recordId` (a document of an award,
 * whose standing is read from the award at each request) and `holder` (a document that is no
 * award, such as `bulletin/<cut-off>`: valid as long as it exists).
 */
export interface VerifiedDocument extends DocumentFacts {
  readonly code: string;
  readonly recordId?: string;
  readonly holder?: string;
  readonly kind: string;
  readonly version: number;
  readonly sha256: string;
  /** The OFD stored beside the PDF (same code, same document): either file checks. */
  readonly ofdSha256?: string;
}

/** Where the verification service looks documents up, and where the bulletin records its own. */
export interface VerificationIndex {
  /** The document a code points at; undefined for a code nobody was given. */
  find(code: string): Promise<VerifiedDocument | undefined>;
  /**
   * Records a document that is no award (the statistics bulletin) under its code, on condition
   * that the code is free or already points at this very document (a rerun writes it again).
   */
  record(document: VerifiedDocument): Promise<void>;
}

/** How an award stands now, as far as its documents' validity goes; nothing else of it is read. */
export interface AwardStanding {
  readonly status: string;
  readonly version: number;
  readonly revokedAt?: string;
}

export interface AwardStandings {
  standingOf(recordId: string): Promise<AwardStanding | undefined>;
}

/** A code that points elsewhere than where it is being written: a collision, or state gone wrong. */
export class VerificationConflict extends Error {
  override name = 'VerificationConflict';
}

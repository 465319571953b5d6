import type { DocumentFacts } from './DocumentFacts.js';
import type { AwardStandings, VerificationIndex } from './VerifiedDocument.js';
import { canonicalCode } from './verificationCode.js';

/**
 * What the verification page answers for a code: the document's facts and how it stands now —
 * valid, revoked (with the day), or superseded by a corrected version (which one) — or not found.
 */
export type Verification =
  | ({
      readonly status: 'valid' | 'revoked' | 'superseded';
      readonly code: string;
      readonly kind: string;
      readonly version: number;
      readonly sha256: string;
      /** The OFD beside the PDF, when one was stored. */
      readonly ofdSha256?: string;
      /** For a revoked award: when it was revoked. */
      readonly revokedAt?: string;
      /** For a superseded document: the version that replaced it. */
      readonly currentVersion?: number;
    } & DocumentFacts)
  | { readonly status: 'not-found' };

const NOT_FOUND: Verification = { status: 'not-found' };

/**
 * Public verification of a document by its code. The code is looked up as given (no near
 * matches: a wrong code and a malformed one are both simply not found); the standing of an
 * award's document is read from the award at each request, so a revocation or a correction
 * shows at once.
 */
export class VerificationService {
  constructor(private readonly deps: { index: VerificationIndex; awards: AwardStandings }) {}

  async verify(input: string): Promise<Verification> {
    const code = canonicalCode(input);
    if (code === undefined) return NOT_FOUND;
    const document = await this.deps.index.find(code);
    if (document === undefined) return NOT_FOUND;
    const { recordId, holder: _holder, ...shown } = document;
    if (recordId === undefined) return { ...shown, status: 'valid' };
    const award = await this.deps.awards.standingOf(recordId);
    // An award that is gone vouches for nothing.
    if (award === undefined) return NOT_FOUND;
    if (award.status === 'REVOKED')
      return { ...shown, status: 'revoked', ...(award.revokedAt ? { revokedAt: award.revokedAt } : {}) };
    if (award.version > document.version) return { ...shown, status: 'superseded', currentVersion: award.version };
    return { ...shown, status: 'valid' };
  }
}

import type { DocumentKind } from '../documents/DocumentKind.js';

/**
 * What a document prints so that anyone holding it can check it (issue 14): its verification
 * code, and the URL its QR code encodes (`<verify base URL>/verify/<code>`).
 */
export interface VerificationMark {
  readonly code: string;
  readonly url: string;
}

/**
 * The mark of one version of one of a record's documents. Derived, never random: rendering the
 * same version again prints the same mark, so the same record gives the same bytes.
 */
export type MarkDocument = (kind: DocumentKind, version: number) => VerificationMark;

import type { RecordStatus } from '../records/index.js';

/** Another format of a document: its object and what it holds. */
export interface FormatRef {
  readonly key: string;
  readonly sha256: string;
  readonly bytes: number;
}

/** A stored document of an award, as the pipeline records it after rendering. */
export interface DocumentRef {
  readonly kind: string;
  readonly version: number;
  readonly key: string;
  readonly sha256: string;
  readonly pages: number;
  readonly bytes: number;
  readonly renderedAt: string;
  /** The code printed on it, under which the public verification page finds it (VERIFY#<code>). */
  readonly verificationCode?: string;
  /** The same document as OFD (GB/T 33190), stored beside the PDF; withdrawn with it. */
  readonly ofd?: FormatRef;
  /** Set when the award is revoked: the document stays, marked withdrawn. */
  readonly withdrawn?: boolean;
  readonly withdrawnAt?: string;
}

/**
 * The record contract's fields as stored. The fields the award's life turns on are typed; the
 * rest is checked against the contract (validateRecord) when documents are made, because a
 * record can reach storage without passing through the approvers' tool.
 */
export type AwardRecordFields = Readonly<Record<string, unknown>> & {
  readonly id: string;
  readonly kind: string;
  readonly status: RecordStatus;
  readonly version: number;
  readonly region?: string;
  readonly approvedAt?: string;
  readonly revokedAt?: string;
  /** The 文号 of an order or a praise bulletin, given by the pipeline from its sequence. */
  readonly documentNumber?: string;
};

/** What the render pipeline has done with the award's versions. */
export interface Rendering {
  /** The newest version whose documents are stored. */
  readonly renderedVersion?: number;
  readonly renderedAt?: string;
  /** A version that can never be rendered, and why (the record's own fault). */
  readonly failure?: { readonly version: number; readonly reason: string };
}

/** Who decided: a signed-in identity (its subject, which nobody can choose, and its name). */
export interface Decider {
  readonly sub: string;
  readonly name: string;
}

/** What a person did to an award: the approvers' decisions, and submissions and corrections. */
export type DecisionAction = 'submit' | 'correct' | 'approve' | 'return' | 'reject' | 'revoke' | 'deliver';

/** One line of an award's history: who did what, when, to which version, and why. */
export interface Decision {
  readonly action: DecisionAction;
  readonly by: Decider;
  readonly at: string;
  readonly version: number;
  readonly reason?: string;
}

/**
 * An award as the core knows it: the record, where it stands, its documents and what the pipeline
 * did. Storage keys and item types are the adapters' business.
 */
export interface Award {
  /**
   * Incremented by every change; every write is conditioned on the revision its rule read, so a
   * change made from a stale read is refused instead of undoing a newer one.
   */
  readonly revision: number;
  readonly record: AwardRecordFields;
  /** Every document of every version, current and earlier; none is ever removed. */
  readonly documents: readonly DocumentRef[];
  readonly rendering: Rendering;
  /** Every decision about the award, oldest first; none is ever removed. */
  readonly decisions: readonly Decision[];
}

/** The pipeline is done with the award's current version: its documents are stored, or it failed. */
export function isSettled(award: Award): boolean {
  const { record, rendering } = award;
  return (rendering.renderedVersion ?? 0) >= record.version || rendering.failure?.version === record.version;
}

/**
 * How the award's documents lag behind its state: an approved version not yet rendered (and not
 * failed), or a revoked award with documents not yet withdrawn. Undefined when they are in step.
 */
export function documentsLag(award: Award): 'render' | 'withdraw' | undefined {
  const { record, documents } = award;
  if (record.status === 'APPROVED' && !isSettled(award)) return 'render';
  if (record.status === 'REVOKED' && documents.some((ref) => !ref.withdrawn)) return 'withdraw';
  return undefined;
}

/** An award holding a record as it is, with nothing rendered yet: imports, counts and tests start from it. */
export function awardOfRecord(record: object, revision = 1): Award {
  return { revision, record: record as AwardRecordFields, documents: [], rendering: {}, decisions: [] };
}

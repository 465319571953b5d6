import type { DocumentRef, StoredAward } from './StoredAward.js';

/**
 * What the pipeline needs from storage, as small interfaces: the DynamoDB and S3 adapters
 * implement them, unit tests fake them, and the core never imports the AWS SDK.
 */
export interface AwardRepository {
  /** A strongly consistent read of an award item. */
  get(id: string): Promise<StoredAward | undefined>;
  /**
   * The order's document number, allocated exactly once: a retry, a redelivery or a correction
   * gets the number already given (`allocated: false`); concurrent orders never share one, and
   * none is skipped. A number the record brings that this system did not give it is refused.
   */
  allocateDocumentNumber(request: { recordId: string; version: number; code: string; year: number }): Promise<{ documentNumber: string; allocated: boolean }>;
  /**
   * Writes the references of a version's documents, unless that version (or a later one) is
   * already done. 'revoked' when the award was revoked meanwhile: the caller withdraws them.
   */
  markRendered(id: string, version: number, documents: readonly DocumentRef[], renderedAt: string): Promise<'written' | 'already-rendered' | 'superseded' | 'revoked'>;
  /** Records why a version cannot be rendered; it is not retried. */
  markFailed(id: string, version: number, reason: string): Promise<void>;
  /** Replaces the document references of a revoked award by their withdrawn form. */
  markWithdrawn(id: string, documents: readonly DocumentRef[]): Promise<void>;
}

export interface StoredDocument {
  readonly key: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
  readonly recordId: string;
  readonly kind: string;
  readonly version: number;
}

export interface DocumentRepository {
  /** Stores a document unless the same bytes are already under its key (redelivery writes nothing). */
  put(document: StoredDocument): Promise<'stored' | 'already-stored'>;
  /** Tags a document withdrawn; the object itself stays. */
  markWithdrawn(key: string): Promise<void>;
}

/** Structured log lines; the record id is the only personal datum they may carry. */
export interface PipelineLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface PipelineMetrics {
  count(name: 'DocumentsRendered' | 'InvalidRecords' | 'DocumentsWithdrawn' | 'NumbersAllocated', value?: number): void;
}

import type { DocumentFormat } from '../../definitions/documentsBucket.js';

/**
 * What the pipeline needs besides the award store (core/award/AwardStore.ts), as small
 * interfaces: the S3 adapter implements them, unit tests fake them, and the core never imports
 * the AWS SDK.
 */
export interface StoredDocument {
  readonly key: string;
  readonly format: DocumentFormat;
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
  count(
    name:
      | 'DocumentsRendered'
      | 'UnsignedDocuments'
      | 'InvalidRecords'
      | 'DocumentsWithdrawn'
      | 'NumbersAllocated'
      | 'NumbersVoided'
      | 'DeploymentFaults',
    value?: number,
  ): void;
}

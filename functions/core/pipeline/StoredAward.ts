import { awardKey, ITEM_TYPES } from '../../definitions/awardsTable.js';
import type { AwardRecord, AwardRecordInput } from '../records/index.js';

/** A stored document of a record, as written back on the record after rendering. */
export interface DocumentRef {
  readonly kind: string;
  readonly version: number;
  readonly key: string;
  readonly sha256: string;
  readonly pages: number;
  readonly bytes: number;
  readonly renderedAt: string;
  /** Set when the award is revoked: the document stays, marked withdrawn. */
  readonly withdrawn?: boolean;
  readonly withdrawnAt?: string;
}

/** What the pipeline keeps on an award item besides the record itself. */
export interface PipelineFields {
  readonly documents?: readonly DocumentRef[];
  /** The record version whose documents are stored. */
  readonly renderedVersion?: number;
  readonly renderedAt?: string;
  readonly renderStatus?: 'RENDERED' | 'FAILED';
  /** Why the record could not be rendered, for the version in `failedVersion`. */
  readonly failureReason?: string;
  readonly failedVersion?: number;
}

/** An award item of the awards table: the record's own fields, its key, and the pipeline's fields. */
export type StoredAward = Record<string, unknown> &
  PipelineFields & {
    readonly pk: string;
    readonly itemType: string;
    readonly id: string;
    readonly status: string;
    readonly version: number;
  };

const PIPELINE_FIELDS = ['pk', 'itemType', 'documents', 'renderedVersion', 'renderedAt', 'renderStatus', 'failureReason', 'failedVersion'];

/** The item that stores a record (as submitted: the pipeline's fields start empty). */
export function storedAwardOf(record: AwardRecord | AwardRecordInput): StoredAward {
  return { ...(record as Record<string, unknown>), pk: awardKey(record.id), itemType: ITEM_TYPES.award, version: record.version ?? 1 } as StoredAward;
}

/** The record contract's JSON inside an item, for validation: the pipeline's own fields removed. */
export function recordJsonOf(item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([key]) => !PIPELINE_FIELDS.includes(key)));
}

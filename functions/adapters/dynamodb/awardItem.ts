import {
  type Award,
  type AwardRecordFields,
  type Decision,
  type DocumentRef,
  documentsLag,
  type Rendering,
} from '../../core/award/Award.js';
import { RECORD_STATUSES, RecordValidationError } from '../../core/records/index.js';
import { awardKey, ITEM_TYPES } from '../../definitions/awardsTable.js';

/**
 * An award as an item of the awards table: the record's fields at the top level (the byRegion
 * index, the stream filters and the staff's searches read them there), beside the key, the item
 * type, the revision and what the pipeline wrote.
 */
export interface AwardItem extends Record<string, unknown> {
  readonly pk: string;
  readonly itemType: typeof ITEM_TYPES.award;
  readonly revision: number;
}

/** An award from an item; undefined for items of other types (counters, claims, figures). */
export function awardFromItem(item: Record<string, unknown> | undefined): Award | undefined {
  if (item?.itemType !== ITEM_TYPES.award) return undefined;
  const {
    pk: _pk,
    itemType: _type,
    revision,
    lag: _lag,
    changedAt: _changedAt,
    documents,
    renderedVersion,
    renderedAt,
    renderStatus,
    failureReason,
    failedVersion,
    decisions,
    ...fields
  } = item;
  const record = { ...fields, version: fields.version ?? 1 } as AwardRecordFields;
  const unusable = [
    typeof record.id === 'string' ? undefined : { path: 'id', message: 'required' },
    (RECORD_STATUSES as readonly unknown[]).includes(record.status)
      ? undefined
      : { path: 'status', message: `must be one of ${RECORD_STATUSES.join(', ')}` },
    Number.isInteger(record.version) && record.version >= 1
      ? undefined
      : { path: 'version', message: 'must be a whole number from 1' },
  ].filter((issue) => issue !== undefined);
  if (unusable.length > 0)
    throw new RecordValidationError(typeof record.id === 'string' ? record.id : undefined, unusable);
  const rendering: Rendering = {
    ...(typeof renderedVersion === 'number' ? { renderedVersion, renderedAt: renderedAt as string } : {}),
    ...(renderStatus === 'FAILED' && typeof failedVersion === 'number'
      ? { failure: { version: failedVersion, reason: String(failureReason) } }
      : {}),
  };
  return {
    revision: typeof revision === 'number' ? revision : 0,
    record,
    documents: (documents as DocumentRef[] | undefined) ?? [],
    rendering,
    decisions: (decisions as Decision[] | undefined) ?? [],
  };
}

/** What the byLag index files a lagging award under. */
export const LAG_VALUES = { render: 'RENDER', withdraw: 'WITHDRAW' } as const;

/** The item that stores an award, as changed at `changedAt` (the sweep's index sorts lagging awards by it). */
export function itemOfAward(award: Award, changedAt: string): AwardItem {
  const { revision, record, documents, rendering, decisions } = award;
  const { renderedVersion, renderedAt, failure } = rendering;
  const lag = documentsLag(award);
  return {
    ...record,
    pk: awardKey(record.id),
    itemType: ITEM_TYPES.award,
    revision,
    changedAt,
    ...(lag === undefined ? {} : { lag: LAG_VALUES[lag] }),
    ...(documents.length > 0 ? { documents } : {}),
    ...(decisions.length > 0 ? { decisions } : {}),
    ...(renderedVersion === undefined ? {} : { renderedVersion, renderedAt }),
    ...(failure === undefined ? {} : { failureReason: failure.reason, failedVersion: failure.version }),
    ...(failure !== undefined
      ? { renderStatus: 'FAILED' }
      : renderedVersion !== undefined
        ? { renderStatus: 'RENDERED' }
        : {}),
  };
}

/**
 * An award from an item, or undefined when the item is no award or cannot be read as one
 * (for readers that only count or list).
 */
export function readableAward(item: Record<string, unknown> | undefined): Award | undefined {
  try {
    return awardFromItem(item);
  } catch (error) {
    if (error instanceof RecordValidationError) return undefined;
    throw error;
  }
}

import { documentKey } from '../../definitions/documentsBucket.js';
import { ITEM_TYPES } from '../../definitions/awardsTable.js';
import { renderRecordDocuments } from '../documents/renderRecordDocuments.js';
import type { DocumentEngine } from '../engine/DocumentEngine.js';
import { DocumentError, isRecordFault } from '../errors.js';
import { type AwardRecord, validateRecord } from '../records/index.js';
import { formatDocumentNumber, numberingYear } from './documentNumber.js';
import type { AwardRepository, DocumentRepository, PipelineLog, PipelineMetrics } from './ports.js';
import { type DocumentRef, recordJsonOf, type StoredAward } from './StoredAward.js';

/** What became of one change to an award. */
export type Outcome =
  | { readonly action: 'rendered'; readonly documents: readonly DocumentRef[] }
  | { readonly action: 'withdrawn'; readonly documents: number }
  | { readonly action: 'failed'; readonly reason: string }
  | { readonly action: 'skipped'; readonly reason: string };

export interface PipelineDependencies {
  readonly awards: AwardRepository;
  readonly documents: DocumentRepository;
  readonly engine?: DocumentEngine;
  readonly log: PipelineLog;
  readonly metrics: PipelineMetrics;
  readonly now?: () => Date;
}

/** Official documents carry a 文号 from their authority's yearly sequence. */
function needsNumber(record: AwardRecord): record is Extract<AwardRecord, { kind: 'commendation-order' | 'praise-bulletin' }> {
  return record.kind === 'commendation-order' || record.kind === 'praise-bulletin';
}

/**
 * The decisions the render function makes for one award item as the stream shows it now.
 * Every step is idempotent, so a redelivered or retried change does nothing twice: a version
 * already rendered is skipped, a stored object is not written again, a number is not allocated
 * again. A record that can never be rendered (invalid, or a character no font has) is marked
 * FAILED with its reason and not retried; anything else (throttling, S3 errors) is thrown for
 * the caller to retry.
 */
export class RenderPipeline {
  private readonly now: () => Date;

  constructor(private readonly deps: PipelineDependencies) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Acts on an award item as a stream record shows it. */
  async process(image: StoredAward): Promise<Outcome> {
    if (image.itemType !== ITEM_TYPES.award) return { action: 'skipped', reason: `not an award item (${image.itemType})` };
    // A redelivered or retried record shows the item as it was: act on it as it is now.
    const item = await this.deps.awards.get(image.id);
    if (item === undefined) return { action: 'skipped', reason: 'the award no longer exists' };
    if (item.version > image.version) return { action: 'skipped', reason: `superseded by version ${item.version}` };
    if (item.status === 'REVOKED') return this.withdraw(item);
    if (item.status !== 'APPROVED') return { action: 'skipped', reason: `status is ${item.status}` };
    if ((item.renderedVersion ?? 0) >= item.version) return { action: 'skipped', reason: `version ${item.version} already rendered` };
    if (item.renderStatus === 'FAILED' && item.failedVersion === item.version) {
      return { action: 'skipped', reason: `version ${item.version} already failed` };
    }
    try {
      const record = validateRecord(recordJsonOf(item));
      return await this.render(await this.numbered(record));
    } catch (error) {
      // Only the record's own faults are final; storage, network, font and template trouble is retried.
      if (!isRecordFault(error)) throw error;
      return this.fail(item, error);
    }
  }

  private async numbered(record: AwardRecord): Promise<AwardRecord> {
    if (!needsNumber(record)) return record;
    const code = record.authority.code;
    if (code === undefined) {
      throw new DocumentError(`record ${record.id}: authority.code: required to number a ${record.kind} (e.g. 内公奖)`, { recordId: record.id });
    }
    const year = numberingYear(record.issuedAt);
    if (record.documentNumber === undefined) {
      // A number is given only to an order whose documents can be made: try them first with a
      // number as wide as any, so a missing glyph or an overflow fails before a number is spent.
      await renderRecordDocuments({ ...record, documentNumber: formatDocumentNumber(code, year, 9999) }, this.deps.engine);
    }
    const { documentNumber, allocated } = await this.deps.awards.allocateDocumentNumber({ recordId: record.id, version: record.version, code, year });
    if (allocated) this.deps.metrics.count('NumbersAllocated');
    return { ...record, documentNumber };
  }

  private async render(record: AwardRecord): Promise<Outcome> {
    const rendered = await renderRecordDocuments(record, this.deps.engine);
    const renderedAt = this.now().toISOString();
    const refs: DocumentRef[] = [];
    for (const document of rendered) {
      const key = documentKey(record.id, document.kind, document.version);
      const stored = await this.deps.documents.put({ key, bytes: document.bytes, sha256: document.sha256, recordId: record.id, kind: document.kind, version: document.version });
      if (stored === 'already-stored') this.deps.log.info('document already stored', { recordId: record.id, key });
      refs.push({ kind: document.kind, version: document.version, key, sha256: document.sha256, pages: document.pages, bytes: document.bytes.byteLength, renderedAt });
    }
    const result = await this.deps.awards.markRendered(record.id, record.version, refs, renderedAt);
    if (result === 'revoked') return this.withdrawStored(record.id, refs, renderedAt);
    if (result !== 'written') return { action: 'skipped', reason: result === 'superseded' ? 'a correction arrived meanwhile' : `version ${record.version} already rendered` };
    this.deps.metrics.count('DocumentsRendered', refs.length);
    this.deps.log.info('documents stored', { recordId: record.id, version: record.version, keys: refs.map((ref) => ref.key) });
    return { action: 'rendered', documents: refs };
  }

  private async fail(item: StoredAward, error: DocumentError): Promise<Outcome> {
    const reason = error.message;
    await this.deps.awards.markFailed(item.id, item.version, reason);
    this.deps.metrics.count('InvalidRecords');
    this.deps.log.error('record cannot be rendered', { recordId: item.id, version: item.version, errorType: error.name, reason });
    return { action: 'failed', reason };
  }

  /** The award was revoked while its documents were made: they are kept, withdrawn, like any others. */
  private async withdrawStored(id: string, refs: readonly DocumentRef[], withdrawnAt: string): Promise<Outcome> {
    for (const ref of refs) await this.deps.documents.markWithdrawn(ref.key);
    const current = await this.deps.awards.get(id);
    const documents = [...(current?.documents ?? []), ...refs.map((ref) => ({ ...ref, withdrawn: true, withdrawnAt }))];
    await this.deps.awards.markWithdrawn(id, documents);
    this.deps.metrics.count('DocumentsWithdrawn', refs.length);
    this.deps.log.info('award revoked while rendering: documents stored withdrawn', { recordId: id, keys: refs.map((ref) => ref.key) });
    return { action: 'withdrawn', documents: refs.length };
  }

  private async withdraw(item: StoredAward): Promise<Outcome> {
    const pending = (item.documents ?? []).filter((ref) => !ref.withdrawn);
    if (pending.length === 0) return { action: 'skipped', reason: 'no documents to withdraw' };
    const withdrawnAt = this.now().toISOString();
    for (const ref of pending) await this.deps.documents.markWithdrawn(ref.key);
    const documents = (item.documents ?? []).map((ref) => (ref.withdrawn ? ref : { ...ref, withdrawn: true, withdrawnAt }));
    await this.deps.awards.markWithdrawn(item.id, documents);
    this.deps.metrics.count('DocumentsWithdrawn', pending.length);
    this.deps.log.info('documents withdrawn', { recordId: item.id, keys: pending.map((ref) => ref.key) });
    return { action: 'withdrawn', documents: pending.length };
  }
}

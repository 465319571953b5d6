import { documentKey } from '../../definitions/documentsBucket.js';
import { type Award, type DocumentRef, documentsLag } from '../award/Award.js';
import type { AwardStore, SequencePlace } from '../award/AwardStore.js';
import {
  assignNumber,
  pendingWithdrawal,
  recordFailed,
  recordFailedVoidingNumber,
  recordRendered,
  withdrawDocuments,
} from '../award/renderTransitions.js';
import { MAX_SERIAL_ATTEMPTS, pauseAfterTaken } from '../numbering/serialContention.js';
import { renderRecordDocuments } from '../documents/renderRecordDocuments.js';
import type { DocumentEngine } from '../engine/DocumentEngine.js';
import { isRecordFault, RecordFault, TransientFault } from '../errors.js';
import { type AwardRecord, validateRecord } from '../records/index.js';
import { documentFacts } from '../verification/DocumentFacts.js';
import { AuthorityRegistry } from '../authorities/AuthorityRegistry.js';
import type { AuthoritySigners } from '../signing/AuthoritySigners.js';
import type { DocumentSigner } from '../signing/DocumentSigner.js';
import type { VerificationMarks } from '../verification/VerificationMarks.js';
import type { VerifiedDocument } from '../verification/VerifiedDocument.js';
import { formatDocumentNumber, numberingYear, parseDocumentNumber } from './documentNumber.js';
import type { DocumentRepository, PipelineLog, PipelineMetrics } from './ports.js';

/** What became of one change to an award. */
export type Outcome =
  | { readonly action: 'rendered'; readonly documents: readonly DocumentRef[] }
  | { readonly action: 'withdrawn'; readonly documents: number }
  | { readonly action: 'failed'; readonly reason: string }
  | { readonly action: 'skipped'; readonly reason: string };

export interface PipelineDependencies {
  readonly awards: AwardStore;
  readonly documents: DocumentRepository;
  readonly engine?: DocumentEngine;
  /** The deployment's own authority: its code numbers its records that give none. */
  readonly authority?: { readonly name: string; readonly code: string } | undefined;
  /**
   * The deployment's verification marks: each document prints its code and is stored under it,
   * in the same write as the award's refs. Without them (unit tests of other concerns) documents
   * carry no mark.
   */
  readonly marks?: VerificationMarks | undefined;
  /** Signs every stored document (PAdES B-B); without it (unit tests of other concerns) none is signed. */
  readonly signer?: DocumentSigner | undefined;
  /** Each authority's own signer, before `signer`: a document is signed by the authority it names. */
  readonly signers?: AuthoritySigners | undefined;
  /** The authorities documents may be issued for (default: the deployment's registry file). */
  readonly authorities?: AuthorityRegistry | undefined;
  readonly log: PipelineLog;
  readonly metrics: PipelineMetrics;
  readonly now?: () => Date;
}

/** How often the pipeline reads an award again when another change reached it first. */
const MAX_ATTEMPTS = 8;

/**
 * A document this call stored, not yet recorded on the award: its reference, and the verification
 * item its printed code must find once the award lists it.
 */
interface StoredDocumentRef {
  readonly ref: DocumentRef;
  readonly verified?: VerifiedDocument;
}

/** The award moved under the pipeline: read it again and decide afresh. */
const CHANGED = Symbol('changed');
type Step<T> = T | typeof CHANGED;

/** Official documents carry a 文号 from their authority's yearly sequence. */
function needsNumber(
  record: AwardRecord,
): record is Extract<AwardRecord, { kind: 'commendation-order' | 'praise-bulletin' }> {
  return record.kind === 'commendation-order' || record.kind === 'praise-bulletin';
}

const skipped = (reason: string): Outcome => ({ action: 'skipped', reason });

/** An award ready to render: with its 文号 and where in its sequence that number is, if it has one. */
interface Numbered {
  readonly award: Award;
  readonly record: AwardRecord;
  readonly place?: SequencePlace;
}

/**
 * The decisions the render function makes for one award as it is now (a redelivered or retried
 * stream record shows it as it was). Each write is one of the award's transitions, stored on the
 * condition that the award has not changed since it was read; when it has (a revocation, a
 * correction, a delivery), the pipeline reads it again and decides afresh — so a revocation that
 * lands while documents are made gets them withdrawn, never left valid. Every step is idempotent:
 * a version already rendered is skipped, a stored object is not written again, a number is not
 * given twice. Only the record's own faults mark it FAILED; everything else is thrown, to retry.
 */
export class RenderPipeline {
  private readonly now: () => Date;

  constructor(private readonly deps: PipelineDependencies) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Acts on an award, given as a stream record shows it. */
  async process(seen: Award): Promise<Outcome> {
    const { id } = seen.record;
    // As the change shows it, the documents are in step (mostly the function's own write-back):
    // nothing to do, and no read. Any later change comes as a stream record of its own.
    if (documentsLag(seen) === undefined) return skipped('the documents are in step with the change');
    // Documents this call stored that are not yet recorded on the award: withdrawn if it was revoked meanwhile.
    const stored: StoredDocumentRef[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const award = await this.deps.awards.get(id);
      if (award === undefined) return skipped('the award no longer exists');
      if (award.record.version > seen.record.version && stored.length === 0)
        return skipped(`superseded by version ${award.record.version}`);
      const outcome = await this.step(award, stored);
      if (outcome !== CHANGED) return outcome;
    }
    throw new TransientFault(`award ${id} changed ${MAX_ATTEMPTS} times while the pipeline acted on it: retried later`);
  }

  private async step(award: Award, stored: StoredDocumentRef[]): Promise<Step<Outcome>> {
    const { record, rendering } = award;
    if (record.status === 'REVOKED') return this.withdraw(award, stored);
    if (record.status !== 'APPROVED') return skipped(`status is ${record.status}`);
    if ((rendering.renderedVersion ?? 0) >= record.version)
      return skipped(`version ${record.version} already rendered`);
    if (rendering.failure?.version === record.version) return skipped(`version ${record.version} already failed`);
    // Only the record's own faults are final; storage, template, font and subsetting trouble is retried.
    let numbered: Step<Numbered>;
    try {
      // The authority's name, seal and numbering code are the registry's, never the record's.
      const authorities = this.deps.authorities ?? AuthorityRegistry.shared();
      numbered = await this.numbered(award, authorities.resolve(validateRecord(record)));
    } catch (error) {
      if (!isRecordFault(error)) throw error;
      return this.fail(award, error);
    }
    if (numbered === CHANGED) return CHANGED;
    try {
      return await this.render(numbered.award, numbered.record, stored);
    } catch (error) {
      if (!isRecordFault(error)) throw error;
      return this.fail(numbered.award, error, numbered.place);
    }
  }

  /**
   * The award with its 文号, if its kind has one. Documents are rendered once, after the number is
   * given: one that then proves unrenderable gives its number up as voided (作废), with the reason.
   */
  private async numbered(award: Award, record: AwardRecord): Promise<Step<Numbered>> {
    if (!needsNumber(record)) return { award, record };
    // Only the deployment's own authority borrows its code: another's record must bring its own,
    // or it would take a place in the department's sequence.
    const own = this.deps.authority;
    const code =
      record.authority.code ?? (own !== undefined && record.authority.name === own.name ? own.code : undefined);
    if (code === undefined) {
      throw new RecordFault(`record ${record.id}: authority.code: required to number a ${record.kind} (e.g. 内公奖)`, {
        recordId: record.id,
      });
    }
    const year = numberingYear(record.issuedAt);
    if (record.documentNumber !== undefined) {
      const place = await this.checkHeld(record.id, record.documentNumber, code, year);
      return { award, record, place };
    }
    for (let attempt = 1; attempt <= MAX_SERIAL_ATTEMPTS; attempt++) {
      const serial = await this.deps.awards.nextSerial(code, year);
      const documentNumber = formatDocumentNumber(code, year, serial);
      const next = assignNumber(award, documentNumber);
      const result = await this.deps.awards.saveNumbered(award, next, { code, year, serial });
      if (result === 'changed') return CHANGED;
      if (result === 'saved') {
        this.deps.metrics.count('NumbersAllocated');
        return { award: next, record: { ...record, documentNumber }, place: { code, year, serial } };
      }
      await pauseAfterTaken(attempt);
    }
    throw new TransientFault(
      `giving a ${code} ${year} number to ${record.id}: still contended after ${MAX_SERIAL_ATTEMPTS} attempts`,
    );
  }

  /**
   * A number already on the record stands only if this table's sequence gave it to this record;
   * one that came with the record from elsewhere would collide with the sequence.
   */
  private async checkHeld(id: string, documentNumber: string, code: string, year: number): Promise<SequencePlace> {
    const place = parseDocumentNumber(documentNumber);
    const ours =
      place !== undefined &&
      place.code === code &&
      place.year === year &&
      (await this.deps.awards.holderOf(place)) === id;
    if (!ours) {
      throw new RecordFault(
        `record ${id}: documentNumber: ${documentNumber} was not given to this record by the pipeline, ` +
          `or was voided: remove it (numbers are given on approval)`,
        { recordId: id },
      );
    }
    return place;
  }

  private async render(award: Award, record: AwardRecord, stored: StoredDocumentRef[]): Promise<Step<Outcome>> {
    const mark = await this.deps.marks?.of(record.id);
    // Every document in both formats: the PDF, and the OFD (GB/T 33190) drawn from the same pages.
    const signer = this.signerFor(record);
    const rendered = await renderRecordDocuments(record, this.deps.engine, mark, signer, { ofd: true });
    const renderedAt = this.now().toISOString();
    const refs: DocumentRef[] = [];
    const verified: VerifiedDocument[] = [];
    for (const document of rendered) {
      const { kind, version } = document;
      const key = documentKey(record.id, kind, version);
      const ofdKey = documentKey(record.id, kind, version, 'ofd');
      // The PDF, then its OFD: each written unless its object already holds the same bytes.
      const formats = [
        { key, format: 'pdf' as const, bytes: document.bytes, sha256: document.sha256 },
        ...(document.ofd ? [{ key: ofdKey, format: 'ofd' as const, ...document.ofd }] : []),
      ];
      for (const object of formats) {
        const result = await this.deps.documents.put({ ...object, recordId: record.id, kind, version });
        if (result === 'already-stored')
          this.deps.log.info('document already stored', { recordId: record.id, key: object.key });
      }
      const ofd = document.ofd && { key: ofdKey, sha256: document.ofd.sha256, bytes: document.ofd.bytes.byteLength };
      // The same code renderRecordDocuments printed: derived, never drawn.
      const code = mark?.(kind, version).code;
      const ref = {
        kind,
        version,
        key,
        sha256: document.sha256,
        pages: document.pages,
        bytes: document.bytes.byteLength,
        renderedAt,
        ...(code === undefined ? {} : { verificationCode: code }),
        ...(ofd ? { ofd } : {}),
      };
      refs.push(ref);
      const verifiedDocument: VerifiedDocument | undefined =
        code === undefined
          ? undefined
          : {
              code,
              recordId: record.id,
              kind,
              version,
              sha256: document.sha256,
              ...(ofd ? { ofdSha256: ofd.sha256 } : {}),
              ...documentFacts(record, kind),
            };
      if (verifiedDocument) verified.push(verifiedDocument);
      // The latest render of a key is what its object now holds.
      const entry = { ref, ...(verifiedDocument ? { verified: verifiedDocument } : {}) };
      const earlier = stored.findIndex((candidate) => candidate.ref.key === key);
      if (earlier >= 0) stored[earlier] = entry;
      else stored.push(entry);
    }
    const next = recordRendered(award, refs, renderedAt);
    if ((await this.deps.awards.saveRendered(award, next, verified)) === 'changed') return CHANGED;
    this.deps.metrics.count('DocumentsRendered', refs.length);
    this.deps.log.info('documents stored', {
      recordId: record.id,
      version: record.version,
      keys: refs.map((ref) => ref.key),
    });
    // A deployment whose signing certificate is not yet configured says so on every document it stores.
    if (!signer) {
      this.deps.metrics.count('UnsignedDocuments', refs.length);
      this.deps.log.warn('documents stored unsigned: no signing certificate is configured', {
        recordId: record.id,
        keys: refs.map((ref) => ref.key),
      });
    }
    return { action: 'rendered', documents: refs };
  }

  /**
   * The signer of the record's own authority. Given per-authority signers, never another's: an
   * authority without a certificate has its documents stored unsigned, not signed as someone else.
   */
  private signerFor(record: AwardRecord): DocumentSigner | undefined {
    return this.deps.signers ? this.deps.signers.signerFor(record.authority) : this.deps.signer;
  }

  /**
   * The record's own fault is final for its version. A 文号 it was given (`place`) that no document
   * carries yet is given up with it, recorded as voided with the reason; one already printed on an
   * earlier version stays with the award.
   */
  private async fail(award: Award, error: RecordFault, place?: SequencePlace): Promise<Step<Outcome>> {
    const voided = place !== undefined && award.documents.length === 0 ? award.record.documentNumber : undefined;
    const reason = voided === undefined ? error.message : `${error.message} (文号 ${voided} 作废)`;
    const saved =
      voided === undefined
        ? await this.deps.awards.save(award, recordFailed(award, reason))
        : await this.deps.awards.saveVoiding(award, recordFailedVoidingNumber(award, reason), place!, error.message);
    if (saved === 'changed') return CHANGED;
    this.deps.metrics.count('InvalidRecords');
    if (voided !== undefined) this.deps.metrics.count('NumbersVoided');
    this.deps.log.error('record cannot be rendered', {
      recordId: award.record.id,
      version: award.record.version,
      errorType: error.name,
      reason,
      ...(voided === undefined ? {} : { voidedNumber: voided }),
    });
    return { action: 'failed', reason };
  }

  /**
   * A revoked award keeps its documents, withdrawn: those on the award and any this call stored for
   * it. The latter join the award with their verification codes, in the same write as a render's
   * would, so a withdrawn document's code answers 已撤销 rather than finding nothing.
   */
  private async withdraw(award: Award, stored: readonly StoredDocumentRef[]): Promise<Step<Outcome>> {
    const recorded = new Set(award.documents.map((ref) => ref.key));
    const unrecorded = stored.filter(({ ref }) => !recorded.has(ref.key));
    const pending = [...pendingWithdrawal(award), ...unrecorded.map(({ ref }) => ref)];
    if (pending.length === 0) return skipped('no documents to withdraw');
    for (const ref of pending) {
      await this.deps.documents.markWithdrawn(ref.key);
      if (ref.ofd) await this.deps.documents.markWithdrawn(ref.ofd.key);
    }
    const next = withdrawDocuments(
      award,
      this.now().toISOString(),
      unrecorded.map(({ ref }) => ref),
    );
    const verified = unrecorded.flatMap(({ verified }) => (verified ? [verified] : []));
    if ((await this.deps.awards.saveRendered(award, next, verified)) === 'changed') return CHANGED;
    this.deps.metrics.count('DocumentsWithdrawn', pending.length);
    this.deps.log.info('documents withdrawn', { recordId: award.record.id, keys: pending.map((ref) => ref.key) });
    return { action: 'withdrawn', documents: pending.length };
  }
}

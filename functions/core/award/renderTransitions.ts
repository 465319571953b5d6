import type { Award, DocumentRef } from './Award.js';
import { withRecord } from './awardTransitions.js';

/**
 * The render pipeline's own changes to an award, pure like the approvers' and stored under the
 * same guard (the revision read). Each states what it needs: the pipeline decides from the award
 * it read, so a broken precondition is a bug, not a race (a race is caught by the guard).
 */

function precondition(condition: boolean, award: Award, what: string): void {
  if (!condition)
    throw new Error(`award ${award.record.id} (${award.record.status}, version ${award.record.version}): ${what}`);
}

/** An approved order or praise bulletin receives its 文号. */
export function assignNumber(award: Award, documentNumber: string): Award {
  precondition(
    award.record.status === 'APPROVED' && award.record.documentNumber === undefined,
    award,
    'only an approved award without a number is numbered',
  );
  return withRecord(award, { ...award.record, documentNumber });
}

/** The documents of the current version are stored: their references are added beside the earlier ones. */
export function recordRendered(award: Award, refs: readonly DocumentRef[], at: string): Award {
  const { version } = award.record;
  precondition(award.record.status === 'APPROVED', award, 'only an approved award has documents made');
  precondition(
    refs.every((ref) => ref.version === version),
    award,
    'documents are recorded for the current version',
  );
  precondition((award.rendering.renderedVersion ?? 0) < version, award, `version ${version} is rendered already`);
  return {
    ...award,
    revision: award.revision + 1,
    documents: [...award.documents, ...refs],
    rendering: { renderedVersion: version, renderedAt: at },
  };
}

/** The current version can never be rendered (the record's own fault): it is not tried again. */
export function recordFailed(award: Award, reason: string): Award {
  precondition(award.record.status === 'APPROVED', award, 'only an approved award is rendered');
  return {
    ...award,
    revision: award.revision + 1,
    rendering: { ...award.rendering, failure: { version: award.record.version, reason } },
  };
}

/**
 * A revoked award's documents are kept, marked withdrawn, with any that were stored for it while
 * the revocation arrived (`alsoStored`, not yet recorded on the award).
 */
export function withdrawDocuments(award: Award, at: string, alsoStored: readonly DocumentRef[] = []): Award {
  precondition(award.record.status === 'REVOKED', award, 'only a revoked award has its documents withdrawn');
  const recorded = new Set(award.documents.map((ref) => ref.key));
  const documents = [...award.documents, ...alsoStored.filter((ref) => !recorded.has(ref.key))].map((ref) =>
    ref.withdrawn ? ref : { ...ref, withdrawn: true, withdrawnAt: at },
  );
  return { ...award, revision: award.revision + 1, documents };
}

/** The documents of a revoked award that are not yet marked withdrawn. */
export function pendingWithdrawal(award: Award): DocumentRef[] {
  return award.record.status === 'REVOKED' ? award.documents.filter((ref) => !ref.withdrawn) : [];
}

/**
 * The current version failed after receiving a 文号 that no document carries: it fails as
 * recordFailed says, and gives the number up (it is recorded as voided, 作废), so a correction
 * is numbered afresh and no number is ever printed on two different documents.
 */
export function recordFailedVoidingNumber(award: Award, reason: string): Award {
  precondition(award.record.documentNumber !== undefined, award, 'only a numbered award gives its number up');
  precondition(award.documents.length === 0, award, 'a number printed on a document is never given up');
  const { documentNumber: _voided, ...record } = award.record;
  return recordFailed({ ...award, record: record as typeof award.record }, reason);
}

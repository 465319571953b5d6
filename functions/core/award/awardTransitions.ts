import { deliverySchema } from '../records/deliverySchema.js';
import { text } from '../records/fields.js';
import { type AwardRecord, validateRecord } from '../records/index.js';
import { recordErrorMap } from '../records/recordErrorMap.js';
import { toRecordIssues } from '../records/toRecordIssues.js';
import { TEXT_LIMITS } from '../records/constants.js';
import { numberingYear } from '../pipeline/documentNumber.js';
import type { Award, AwardRecordFields } from './Award.js';
import { AwardRefusal } from './AwardRefusal.js';

/**
 * The approvers' and clerks' transitions of an award's life, each a pure function from the award
 * as it was read to the award after the change (revision + 1). A transition the award does not
 * allow is refused with a sentence; storing the result is the caller's, conditioned on the
 * revision read (AwardWorkflow).
 *
 *   submit → SUBMITTED ──approve──▶ APPROVED ──revoke──▶ REVOKED
 *                │ correct             │ correct, deliver
 *
 * A REVOKED award is final: it cannot be approved, corrected or delivered again (its documents
 * stay, withdrawn); a corrected record is submitted as a new award.
 */

/** The next state of an award: its record changed, everything else kept. */
export function withRecord(award: Award, record: AwardRecordFields): Award {
  return { ...award, record, revision: award.revision + 1 };
}

function refuse(award: Award, action: string, reason: string): never {
  throw new AwardRefusal(award.record.id, `cannot ${action} award ${award.record.id}: ${reason}; nothing was changed`);
}

function requireStatus(award: Award, action: string, status: AwardRecordFields['status']): void {
  if (award.record.status !== status)
    refuse(award, action, `it is ${award.record.status}, and only a ${status} award can be`);
}

/** Fields no submitter gives: approval, revocation and the 文号 come from approvers and the pipeline. */
const NOT_SUBMITTED = ['approvedAt', 'approvedBy', 'revokedAt', 'revocationReason', 'documentNumber'];

/** A new award, SUBMITTED, from a record as an importer or a form gives it. */
export function submit(value: unknown): Award {
  const fields = Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(([key]) => !NOT_SUBMITTED.includes(key)),
  );
  const record = validateRecord({ ...fields, status: 'SUBMITTED' });
  return {
    revision: 1,
    record: { ...fields, status: 'SUBMITTED', version: record.version } as AwardRecordFields,
    documents: [],
    rendering: {},
  };
}

/** SUBMITTED → APPROVED: the change its documents follow. */
export function approve(award: Award, { by, at }: { by: string; at: Date }): Award {
  requireStatus(award, 'approve', 'SUBMITTED');
  if (by.trim() === '') refuse(award, 'approve', 'the approver must be named');
  return withRecord(award, {
    ...award.record,
    status: 'APPROVED',
    approvedAt: at.toISOString(),
    approvedBy: by.trim(),
  });
}

/** APPROVED → REVOKED: its documents stay, marked withdrawn by the pipeline. */
export function revoke(award: Award, { reason, at }: { reason: string; at: Date }): Award {
  requireStatus(award, 'revoke', 'APPROVED');
  const checked = text(TEXT_LIMITS.paragraph).safeParse(reason);
  if (!checked.success)
    refuse(award, 'revoke', `the reason must be one line of 1 to ${TEXT_LIMITS.paragraph} characters`);
  return withRecord(award, {
    ...award.record,
    status: 'REVOKED',
    revokedAt: at.toISOString(),
    revocationReason: checked.data,
  });
}

/** A delivery in person (送奖上门) of an approved award to its recipient: counted, no new document. */
export function deliver(award: Award, delivery: { at: string; place: string; by?: string }): Award {
  requireStatus(award, 'record a delivery of', 'APPROVED');
  if (award.record.recipient === undefined)
    refuse(award, 'record a delivery of', `a ${award.record.kind} has no recipient to hand it to`);
  const checked = deliverySchema.safeParse(delivery, { error: recordErrorMap });
  if (!checked.success) {
    refuse(
      award,
      'record a delivery of',
      toRecordIssues(checked.error.issues)
        .map((issue) => `${issue.path}: ${issue.message}`)
        .join('; '),
    );
  }
  const deliveries = (award.record.deliveries as unknown[] | undefined) ?? [];
  return withRecord(award, { ...award.record, deliveries: [...deliveries, checked.data] });
}

/** Where the award stands and its number are not the corrector's to change. */
const KEPT_ON_CORRECTION = [
  'status',
  'submittedAt',
  'approvedAt',
  'approvedBy',
  'documentNumber',
  'deliveries',
] as const;

/**
 * A corrected record, made from the award's current version, becomes version + 1: an approved
 * award's documents are then rendered again as a new version beside the earlier ones. A corrected
 * order keeps its 文号, so its authority code and year may not change.
 */
export function correct(award: Award, corrected: unknown): Award {
  const current = award.record;
  if (current.status === 'REVOKED')
    refuse(
      award,
      'correct',
      'it is REVOKED and its documents are withdrawn; submit the corrected record as a new award',
    );
  const value = corrected as Partial<AwardRecord> & Record<string, unknown>;
  if (value.id !== current.id) refuse(award, 'correct', `the correction is of record ${String(value.id)}`);
  if (value.kind !== current.kind)
    refuse(award, 'correct', `a correction may not change the kind (${current.kind} → ${String(value.kind)})`);
  const madeFrom = value.version ?? 1;
  if (madeFrom !== current.version) {
    refuse(
      award,
      'correct',
      `it is at version ${current.version}, but this correction was made from version ${madeFrom}: ` +
        `start again from its current form (show)`,
    );
  }
  const kept = Object.fromEntries(
    KEPT_ON_CORRECTION.filter((key) => current[key] !== undefined).map((key) => [key, current[key]]),
  );
  const next = {
    ...Object.fromEntries(Object.entries(value).filter(([key]) => !NOT_SUBMITTED.includes(key))),
    ...kept,
    version: current.version + 1,
  };
  // What will be stored must itself be a valid record (a delivery recorded earlier included).
  const record = validateRecord(next);
  if (typeof current.documentNumber === 'string' && 'issuedAt' in record && 'issuedAt' in current) {
    const before = current as unknown as { authority: { code?: string }; issuedAt: string };
    if (
      record.authority.code !== before.authority.code ||
      numberingYear(record.issuedAt) !== numberingYear(before.issuedAt)
    ) {
      refuse(
        award,
        'correct',
        `it holds ${current.documentNumber}: a correction may not change its authority code or the year it was issued`,
      );
    }
  }
  return withRecord(award, next as AwardRecordFields);
}

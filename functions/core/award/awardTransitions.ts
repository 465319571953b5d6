import { isDeepStrictEqual } from 'node:util';
import { deliverySchema } from '../records/deliverySchema.js';
import { text } from '../records/fields.js';
import { type AwardRecord, validateRecord } from '../records/index.js';
import { recordErrorMap } from '../records/recordErrorMap.js';
import { toRecordIssues } from '../records/toRecordIssues.js';
import { TEXT_LIMITS } from '../records/constants.js';
import { numberingYear } from '../pipeline/documentNumber.js';
import type { Award, AwardRecordFields, Decider, Decision } from './Award.js';
import { AwardRefusal } from './AwardRefusal.js';

/**
 * The approvers' and clerks' transitions of an award's life, each a pure function from the award
 * as it was read to the award after the change (revision + 1). A transition the award does not
 * allow is refused with a sentence; storing the result is the caller's, conditioned on the
 * revision read (AwardWorkflow).
 *
 *   submit → SUBMITTED ──approve──▶ APPROVED ──revoke──▶ REVOKED
 *             │  ▲  │ correct            │ correct, deliver
 *       return│  │  └──reject──▶ REJECTED
 *             ▼  │correct            ▲
 *            RETURNED ──reject───────┘
 *
 * A REVOKED award is final: it cannot be approved, corrected or delivered again (its documents
 * stay, withdrawn); a corrected record is submitted as a new award. A REJECTED award is final too.
 * Every transition an approver or clerk makes is written down in the award's decisions: who
 * (a signed-in identity), when, to which version and why.
 */

/** The next state of an award: its record changed, everything else kept. */
export function withRecord(award: Award, record: AwardRecordFields): Award {
  return { ...award, record, revision: award.revision + 1 };
}

/** The next state of an award after a person's decision: its record changed and the decision written down. */
function decided(
  award: Award,
  record: AwardRecordFields,
  action: Decision['action'],
  by: Decider,
  at: Date,
  reason?: string,
): Award {
  const decision: Decision = {
    action,
    by: { sub: by.sub, name: by.name },
    at: at.toISOString(),
    version: record.version,
    ...(reason === undefined ? {} : { reason }),
  };
  return { ...withRecord(award, record), decisions: [...award.decisions, decision] };
}

/** The decider must be a signed-in identity: a subject and a name. */
function requireDecider(award: Award, action: string, by: Decider): void {
  if (typeof by?.sub !== 'string' || by.sub.trim() === '' || typeof by.name !== 'string' || by.name.trim() === '')
    refuse(award, action, 'the decision must be made by a signed-in identity (its subject and name)');
}

/** A reason given with a decision: one line of text within the paragraph limit. */
function requireReason(award: Award, action: string, reason: string): string {
  const checked = text(TEXT_LIMITS.paragraph).safeParse(reason);
  if (!checked.success)
    refuse(award, action, `the reason must be one line of 1 to ${TEXT_LIMITS.paragraph} characters`);
  return checked.data;
}

function refuse(award: Award, action: string, reason: string): never {
  throw new AwardRefusal(award.record.id, `cannot ${action} award ${award.record.id}: ${reason}; nothing was changed`);
}

function requireStatus(award: Award, action: string, ...statuses: AwardRecordFields['status'][]): void {
  if (!statuses.includes(award.record.status))
    refuse(award, action, `it is ${award.record.status}, and only a ${statuses.join(' or ')} award can be`);
}

/** Fields no submitter gives: approval, revocation and the 文号 come from approvers and the pipeline. */
const NOT_SUBMITTED = [
  'approvedAt',
  'approvedBy',
  'revokedAt',
  'revocationReason',
  'returnedAt',
  'returnReason',
  'rejectedAt',
  'rejectionReason',
  'documentNumber',
];

/** A new award, SUBMITTED, from a record as an importer or a form gives it. */
export function submit(value: unknown, { by, at }: { by: Decider; at: Date }): Award {
  const fields = Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(([key]) => !NOT_SUBMITTED.includes(key)),
  );
  const record = validateRecord({ ...fields, status: 'SUBMITTED' });
  const stored = { ...fields, status: 'SUBMITTED', version: record.version } as AwardRecordFields;
  const award: Award = { revision: 0, record: stored, documents: [], rendering: {}, decisions: [] };
  requireDecider(award, 'submit', by);
  return decided(award, stored, 'submit', by, at);
}

/** Fields that say where an award stands, not what was submitted. */
const STANDING = new Set([...NOT_SUBMITTED, 'status', 'version', 'deliveries', 'submittedAt']);

/** Whether a stored record holds exactly what a new submission would (the same file imported again). */
export function sameSubmission(stored: AwardRecordFields, submitted: AwardRecordFields): boolean {
  const content = (record: AwardRecordFields) =>
    Object.fromEntries(Object.entries(record).filter(([key]) => !STANDING.has(key)));
  return isDeepStrictEqual(content(stored), content(submitted));
}

/** SUBMITTED → APPROVED: the change its documents follow. */
export function approve(award: Award, { by, at }: { by: Decider; at: Date }): Award {
  requireStatus(award, 'approve', 'SUBMITTED');
  requireDecider(award, 'approve', by);
  const record = { ...award.record, status: 'APPROVED', approvedAt: at.toISOString(), approvedBy: by.name.trim() };
  return decided(award, record as AwardRecordFields, 'approve', by, at);
}

/** SUBMITTED → RETURNED (退回修改): the submitter corrects it, and the correction is submitted again. */
export function returnForCorrection(
  award: Award,
  { by, at, reason }: { by: Decider; at: Date; reason: string },
): Award {
  requireStatus(award, 'return', 'SUBMITTED');
  requireDecider(award, 'return', by);
  const why = requireReason(award, 'return', reason);
  const record = { ...award.record, status: 'RETURNED', returnedAt: at.toISOString(), returnReason: why };
  return decided(award, record as AwardRecordFields, 'return', by, at, why);
}

/** SUBMITTED or RETURNED → REJECTED (不予批准): final, no document is ever made. */
export function reject(award: Award, { by, at, reason }: { by: Decider; at: Date; reason: string }): Award {
  requireStatus(award, 'reject', 'SUBMITTED', 'RETURNED');
  requireDecider(award, 'reject', by);
  const why = requireReason(award, 'reject', reason);
  const record = { ...award.record, status: 'REJECTED', rejectedAt: at.toISOString(), rejectionReason: why };
  return decided(award, record as AwardRecordFields, 'reject', by, at, why);
}

/** APPROVED → REVOKED: its documents stay, marked withdrawn by the pipeline. */
export function revoke(award: Award, { by, at, reason }: { by: Decider; at: Date; reason: string }): Award {
  requireStatus(award, 'revoke', 'APPROVED');
  requireDecider(award, 'revoke', by);
  const why = requireReason(award, 'revoke', reason);
  const record = { ...award.record, status: 'REVOKED', revokedAt: at.toISOString(), revocationReason: why };
  return decided(award, record as AwardRecordFields, 'revoke', by, at, why);
}

/** A delivery in person (送奖上门) of an approved award to its recipient: counted, no new document. */
export function deliver(
  award: Award,
  delivery: { at: string; place: string; by?: string },
  { by, at }: { by: Decider; at: Date },
): Award {
  requireStatus(award, 'record a delivery of', 'APPROVED');
  requireDecider(award, 'record a delivery of', by);
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
  return decided(award, { ...award.record, deliveries: [...deliveries, checked.data] }, 'deliver', by, at);
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
 * order keeps its 文号, so its authority code and year may not change. A returned award's
 * correction is submitted again (RETURNED → SUBMITTED).
 */
export function correct(award: Award, corrected: unknown, { by, at }: { by: Decider; at: Date }): Award {
  const current = award.record;
  if (current.status === 'REVOKED')
    refuse(
      award,
      'correct',
      'it is REVOKED and its documents are withdrawn; submit the corrected record as a new award',
    );
  if (current.status === 'REJECTED')
    refuse(award, 'correct', 'it is REJECTED, which is final; submit the corrected record as a new award');
  requireDecider(award, 'correct', by);
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
    // A returned award's correction goes back to the approvers.
    ...(current.status === 'RETURNED' ? { status: 'SUBMITTED' } : {}),
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
  return decided(award, next as AwardRecordFields, 'correct', by, at);
}

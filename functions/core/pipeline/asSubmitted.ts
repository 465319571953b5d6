import { type AwardRecord, validateRecord } from '../records/index.js';

/**
 * A record as it enters the system: SUBMITTED, without the approval, revocation or document
 * number that only approvers and the pipeline give it.
 */
export function asSubmitted(value: unknown): AwardRecord {
  const { approvedAt: _a, approvedBy: _b, revokedAt: _r, revocationReason: _w, documentNumber: _n, ...rest } = value as Record<string, unknown>;
  return validateRecord({ ...rest, status: 'SUBMITTED' });
}

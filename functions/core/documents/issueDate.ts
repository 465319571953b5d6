import { DocumentError } from '../errors.js';
import type { AwardRecord } from '../records/index.js';

/** Documents exist from approval: their date and PDF metadata date are the approval time. */
export function approvalTime(record: AwardRecord): string {
  if (record.approvedAt === undefined) {
    throw new DocumentError(`record ${record.id}: approvedAt: required to render documents (they are issued on approval)`);
  }
  return record.approvedAt;
}

export function identityOf(record: AwardRecord, kind: string): string {
  return `${record.id}/${kind}/v${record.version}`;
}

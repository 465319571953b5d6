import { RecordFault } from '../errors.js';
import { recordFields } from './recordFields.js';
import type { AwardRecord, CommendationOrderRecord, PraiseBulletinRecord } from '../records/index.js';

/** Documents exist from approval: their date and PDF metadata date are the approval time. */
export function approvalTime(record: AwardRecord): string {
  if (record.approvedAt === undefined) {
    throw new RecordFault(
      `record ${record.id}: approvedAt: required to render documents (they are issued on approval)`,
      { recordId: record.id },
    );
  }
  return record.approvedAt;
}

export function identityOf(record: AwardRecord, kind: string): string {
  return `${record.id}/${kind}/v${record.version}`;
}

/** Official documents print their 文号, which is allocated on approval and never invented here. */
export function documentNumberOf(record: CommendationOrderRecord | PraiseBulletinRecord, documentName: string): string {
  approvalTime(record);
  if (record.documentNumber === undefined) {
    throw new RecordFault(
      `record ${record.id}: documentNumber: required to render a ${documentName} (a number is allocated on approval)`,
      { recordId: record.id },
    );
  }
  return record.documentNumber;
}

const NAME_KEYS = new Set(['name', 'unit', 'sender', 'collectives']);

/**
 * The record's names — people, units, collectives, the authority: words a title or a wrapped
 * name never breaks inside (typography.md §6, "Words"). Templates pass them in <words>.
 */
export function namesIn(record: unknown): string[] {
  // Units repeat across an order's awardees: each word once.
  const names = new Set<string>();
  for (const { key, text } of recordFields(record)) if (NAME_KEYS.has(key)) names.add(text.replace(/\s+/g, ''));
  return [...names];
}

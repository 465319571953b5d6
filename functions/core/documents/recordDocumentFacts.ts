import { RecordFault } from '../errors.js';
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
  return [...new Set(namesUnder(record, ''))];
}

function namesUnder(value: unknown, key: string): string[] {
  if (typeof value === 'string') return NAME_KEYS.has(key) ? [value.replace(/\s+/g, '')] : [];
  if (Array.isArray(value)) return value.flatMap((item) => namesUnder(item, key));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([name, item]) => namesUnder(item, name));
  return [];
}

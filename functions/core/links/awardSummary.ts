import type { Award, AwardRecordFields, DocumentRef } from '../award/Award.js';
import { awardDescription } from '../documents/awardDescription.js';
import { documentTitle } from '../documents/documentTitles.js';
import { RECORD_KIND_NAMES, type RecordKind } from '../records/constants.js';

/** The current version of each kind of document; earlier versions stay in storage but are not offered. */
export function currentDocuments(documents: readonly DocumentRef[]): DocumentRef[] {
  const latest = new Map<string, DocumentRef>();
  for (const ref of documents) if ((latest.get(ref.kind)?.version ?? 0) < ref.version) latest.set(ref.kind, ref);
  return [...latest.values()];
}

/**
 * Whom a record is for, as the staff page lists it: the recipient, a telegram's title and
 * addressee (唁电 致何建华同志家属), else the title.
 */
function displayName(item: AwardRecordFields): string {
  const recipient = (item.recipient as { name?: string } | undefined)?.name;
  const addressee =
    item.kind === 'telegram' ? (item.addressee as string | undefined)?.replace(/[：:]$/, '') : undefined;
  const title = item.title as string | undefined;
  return recipient ?? (title && addressee ? `${title} 致${addressee}` : title) ?? item.id;
}

/** The record's category as staff name it: a telegram to the family of the fallen is a 唁电, not a 慰问电. */
function categoryName(item: AwardRecordFields): string {
  if (item.kind === 'telegram') return documentTitle('telegram', item);
  return RECORD_KIND_NAMES[item.kind as RecordKind] ?? item.kind;
}

/** The unit a list names: the recipient's own, else the authority that issues the record. */
function unitName(item: AwardRecordFields): string | undefined {
  const unit = (item.recipient as { unit?: string } | undefined)?.unit;
  return unit ?? (item.authority as { name?: string } | undefined)?.name;
}

/** Why the current version's documents could not be made, when they could not. */
export function renderingFailure({ record, rendering }: Award): string | undefined {
  return rendering.failure?.version === record.version ? rendering.failure.reason : undefined;
}

/** One award as the links API lists it. */
export function awardSummary(award: Award) {
  const { record, documents } = award;
  const failure = renderingFailure(award);
  const unit = unitName(record);
  return {
    id: record.id,
    kind: record.kind,
    category: categoryName(record),
    region: record.region,
    status: record.status,
    name: displayName(record),
    award: awardDescription(record),
    ...(unit === undefined ? {} : { unit }),
    ...(record.documentNumber === undefined ? {} : { documentNumber: record.documentNumber }),
    approvedAt: record.approvedAt,
    ...(record.revokedAt === undefined ? {} : { revokedAt: record.revokedAt }),
    ...(typeof record.revocationReason === 'string' ? { revocationReason: record.revocationReason } : {}),
    ...(failure === undefined ? {} : { failure }),
    documents: currentDocuments(documents).map(({ kind, version, pages, withdrawn }) => ({
      kind,
      title: documentTitle(kind, record),
      version,
      pages,
      withdrawn: withdrawn === true || record.status === 'REVOKED',
    })),
  };
}

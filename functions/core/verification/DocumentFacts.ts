import { documentTitle } from '../documents/documentTitles.js';
import type { AwardRecord } from '../records/index.js';
import { maskedAddressee, maskedName } from './maskedName.js';

/**
 * What the verification page says about a document, all of it printed on the document itself:
 * its name, who issued it and when, its 文号, and whom it is for (a person's name masked).
 * Taken from the version the document was made from, so an earlier version's page shows what
 * that version printed.
 */
export interface DocumentFacts {
  /** The document's Chinese name: 荣誉证书, 嘉奖令, 慰问电, 唁电, 表扬通报, 统计通报. */
  readonly title: string;
  readonly authority: string;
  /** When it was issued (ISO 8601 with its offset, as the record gives it). */
  readonly issuedAt: string;
  readonly documentNumber?: string;
  readonly recipient: string;
}

/** The facts of a validated record's document of this kind. */
export function documentFacts(record: AwardRecord, kind: string): DocumentFacts {
  const title = documentTitle(kind, record);
  switch (record.kind) {
    case 'merit':
    case 'commendation':
    case 'honorary-title': {
      const { recipient } = record;
      return {
        title,
        authority: record.authority.name,
        // A certificate is dated on approval (certificateView).
        issuedAt: record.approvedAt ?? '',
        recipient: recipient.type === 'individual' ? maskedName(recipient.name) : recipient.name,
      };
    }
    case 'telegram':
      return { title, authority: record.sender, issuedAt: record.sentAt, recipient: maskedAddressee(record.addressee) };
    case 'commendation-order':
      return {
        title,
        authority: record.authority.name,
        issuedAt: record.issuedAt,
        ...(record.documentNumber === undefined ? {} : { documentNumber: record.documentNumber }),
        // Its 主送机关; an order that names none is for its awardees, counted rather than named.
        recipient:
          record.addressee === undefined
            ? `受奖者${record.awardees.length}名（个）`
            : maskedAddressee(record.addressee),
      };
    case 'praise-bulletin':
      return {
        title,
        authority: record.authority.name,
        issuedAt: record.issuedAt,
        ...(record.documentNumber === undefined ? {} : { documentNumber: record.documentNumber }),
        recipient: maskedAddressee(record.addressee),
      };
  }
}

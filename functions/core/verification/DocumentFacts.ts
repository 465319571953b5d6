import { awardDescription } from '../documents/awardDescription.js';
import { documentTitle } from '../documents/documentTitles.js';
import type { AwardRecord } from '../records/index.js';
import { awardsOfOrder } from './awardsOfOrder.js';
import { maskedAddressee, maskedName } from './maskedName.js';
import { maskedUnit } from './maskedUnit.js';

/**
 * What the verification page says about a document, all of it printed on the document itself:
 * its name, who issued it and when, its 文号, whom it is for (a person's name and unit masked)
 * and what it awards — so a copy altered upward (一等功 for 三等功) reads differently from its
 * page. Taken from the version the document was made from, so an earlier version's page shows
 * what that version printed. Documents stored before the award was recorded have no `award`,
 * `awardees` or `unit`: their page shows what they have.
 */
export interface DocumentFacts {
  /** The document's Chinese name: 荣誉证书, 嘉奖令, 慰问电, 唁电, 表扬通报, 统计通报. */
  readonly title: string;
  readonly authority: string;
  /** When it was issued (ISO 8601 with its offset, as the record gives it). */
  readonly issuedAt: string;
  readonly documentNumber?: string;
  readonly recipient: string;
  /**
   * What the document states: the award (个人三等功, 追记个人一等功, 嘉奖, “…”荣誉称号), an order's
   * awards counted (个人一等功1名、嘉奖2名), what a praise bulletin praises, a telegram's kind
   * (慰问电, 唁电), a statistics bulletin's totals.
   */
  readonly award?: string;
  /** How many a commendation order or a praise bulletin names. */
  readonly awardees?: number;
  /** A person's unit, masked (maskedUnit). */
  readonly unit?: string;
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
        award: awardDescription(record),
        ...(recipient.type === 'individual'
          ? { recipient: maskedName(recipient.name), unit: maskedUnit(recipient.unit) }
          : { recipient: recipient.name }),
      };
    }
    case 'telegram':
      return {
        title,
        authority: record.sender,
        issuedAt: record.sentAt,
        recipient: maskedAddressee(record.addressee),
        award: awardDescription(record),
      };
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
        award: awardsOfOrder(record.awardees),
        awardees: record.awardees.length,
      };
    case 'praise-bulletin':
      return {
        title,
        authority: record.authority.name,
        issuedAt: record.issuedAt,
        ...(record.documentNumber === undefined ? {} : { documentNumber: record.documentNumber }),
        recipient: maskedAddressee(record.addressee),
        award: `表扬集体${record.collectives.length}个、个人${record.individuals.length}名`,
        awardees: record.collectives.length + record.individuals.length,
      };
  }
}

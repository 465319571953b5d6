import { colophonView } from './colophonView.js';
import type { CommendationOrderRecord } from '../records/index.js';
import { approvalTime, documentNumberOf, identityOf, namesIn } from './recordDocumentFacts.js';

/** What `templates/commendation-order.hbs` prints (嘉奖令, GB/T 9704 layout). */
export function commendationOrderView(record: CommendationOrderRecord) {
  const documentNumber = documentNumberOf(record, 'commendation order');
  return {
    words: namesIn(record),
    metadata: {
      title: record.title,
      subject: `嘉奖令 ${documentNumber}`,
      date: approvalTime(record),
      identity: identityOf(record, 'commendation-order'),
    },
    authority: record.authority.name,
    sealText: record.authority.sealText ?? record.authority.name,
    documentNumber,
    title: record.title,
    addressee: record.addressee ?? '',
    preamble: record.preamble,
    decision: record.decision,
    awardees: record.awardees.map((awardee, index) => ({ ...awardee, number: index + 1 })),
    closing: record.closing,
    // An ideographic space, which layout keeps, where a typist would leave a gap.
    signatory: record.signatory ? `${record.signatory.title}\u3000${record.signatory.name}` : '',
    issuedAt: record.issuedAt,
    colophon: colophonView(record.colophon),
  };
}

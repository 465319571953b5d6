import { DocumentError } from '../errors.js';
import type { CommendationOrderRecord } from '../records/index.js';
import { approvalTime, identityOf } from './issueDate.js';

/** What `templates/commendation-order.hbs` prints (嘉奖令, GB/T 9704 layout). */
export function commendationOrderView(record: CommendationOrderRecord) {
  approvalTime(record);
  if (record.documentNumber === undefined) {
    throw new DocumentError(
      `record ${record.id}: documentNumber: required to render a commendation order (a number is allocated on approval)`,
    );
  }
  return {
    metadata: {
      title: record.title,
      subject: `嘉奖令 ${record.documentNumber}`,
      identity: identityOf(record, 'commendation-order'),
    },
    authority: record.authority.name,
    sealText: record.authority.sealText,
    documentNumber: record.documentNumber,
    title: record.title,
    addressee: record.addressee ?? '',
    preamble: record.preamble,
    decision: record.decision,
    awardees: record.awardees.map((awardee, index) => ({ ...awardee, number: index + 1 })),
    closing: record.closing,
    signatory: record.signatory ? `${record.signatory.title}  ${record.signatory.name}` : '',
    issuedAt: record.issuedAt,
  };
}

import { DocumentError } from '../errors.js';
import type { PraiseBulletinRecord } from '../records/index.js';
import { approvalTime, identityOf } from './issueDate.js';

/** What `templates/praise-bulletin.hbs` prints (表扬通报, GB/T 9704 layout). */
export function praiseBulletinView(record: PraiseBulletinRecord) {
  approvalTime(record);
  if (record.documentNumber === undefined) {
    throw new DocumentError(
      `record ${record.id}: documentNumber: required to render a praise bulletin (a number is allocated on approval)`,
    );
  }
  return {
    metadata: {
      title: record.title,
      subject: `表扬通报 ${record.documentNumber}`,
      identity: identityOf(record, 'praise-bulletin'),
    },
    authority: record.authority.name,
    sealText: record.authority.sealText,
    documentNumber: record.documentNumber,
    title: record.title,
    addressee: record.addressee,
    paragraphs: record.paragraphs,
    collectives: record.collectives,
    individuals: record.individuals,
    individualsHeading: `${record.collectives.length > 0 ? '二' : '一'}、先进个人（${record.individuals.length}名）`,
    closing: record.closing,
    issuedAt: record.issuedAt,
  };
}

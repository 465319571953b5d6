import { colophonView } from './colophonView.js';
import type { PraiseBulletinRecord } from '../records/index.js';
import { endSentence } from './sentences.js';
import { approvalTime, documentNumberOf, identityOf, namesIn } from './recordDocumentFacts.js';

/** What `templates/praise-bulletin.hbs` prints (表扬通报, GB/T 9704 layout). */
export function praiseBulletinView(record: PraiseBulletinRecord) {
  const documentNumber = documentNumberOf(record, 'praise bulletin');
  return {
    words: namesIn(record),
    metadata: {
      title: record.title,
      subject: `表扬通报 ${documentNumber}`,
      date: approvalTime(record),
      identity: identityOf(record, 'praise-bulletin'),
    },
    authority: record.authority.name,
    sealText: record.authority.sealText ?? record.authority.name,
    documentNumber,
    title: record.title,
    addressee: record.addressee,
    paragraphs: record.paragraphs,
    collectives: record.collectives,
    individuals: record.individuals,
    // Headings are numbered 一、二、 in the order they appear; a list that is empty has none.
    collectivesHeading: `一、先进集体（${record.collectives.length}个）`,
    individualsHeading: `${record.collectives.length > 0 ? '二' : '一'}、先进个人（${record.individuals.length}名）`,
    closing: endSentence(record.closing),
    issuedAt: record.issuedAt,
    colophon: colophonView(record.colophon),
  };
}

import { MERIT_GRADE_NAMES, type RecipientAwardRecord } from '../records/index.js';
import { approvalTime, identityOf, namesIn } from './recordDocumentFacts.js';
import { withoutFinalMark } from './sentences.js';

/** The award as a certificate words it: 荣记个人三等功, 予以嘉奖, 被追授“…”荣誉称号. */
function awardPhrase(record: RecipientAwardRecord): string {
  const holder = record.recipient.type === 'individual' ? '个人' : '集体';
  switch (record.kind) {
    case 'merit':
      return `${record.posthumous ? '追记' : '荣记'}${holder}${MERIT_GRADE_NAMES[record.grade]}`;
    case 'commendation':
      return record.posthumous ? '追授嘉奖' : '予以嘉奖';
    case 'honorary-title':
      return `被${record.posthumous ? '追授' : '授予'}“${record.title}”荣誉称号`;
  }
}

function awardName(record: RecipientAwardRecord): string {
  switch (record.kind) {
    case 'merit':
      return `战时记功 ${MERIT_GRADE_NAMES[record.grade]}`;
    case 'commendation':
      return '嘉奖';
    case 'honorary-title':
      return record.title;
  }
}

/** What `templates/certificate.hbs` prints for an award (荣誉证书). */
export function certificateView(record: RecipientAwardRecord) {
  const { recipient } = record;
  const name = recipient.name;
  return {
    metadata: {
      title: `荣誉证书 — ${name}`,
      subject: awardName(record),
      keywords: [awardName(record), name, record.region].join(','),
      date: approvalTime(record),
      identity: identityOf(record, 'certificate'),
    },
    authority: record.authority.name,
    sealText: record.authority.sealText ?? record.authority.name,
    issuedAt: approvalTime(record),
    certificateNumber: record.certificateNumber,
    recipientLine: recipient.type === 'individual' ? `${name}同志：` : `${name}：`,
    // The deed is a phrase the sentence goes on from: a mark typed at its end would be a second one.
    citation: `${withoutFinalMark(record.deed)}，${awardPhrase(record)}。`,
    words: namesIn(record),
  };
}

import type { TelegramRecord } from '../records/index.js';
import { documentTitle } from './documentTitles.js';
import { approvalTime, identityOf, namesIn } from './recordDocumentFacts.js';

/** What `templates/telegram.hbs` prints (慰问电 / 唁电). */
export function telegramView(record: TelegramRecord) {
  return {
    words: namesIn(record),
    metadata: {
      title: `${record.title} — ${record.addressee.replace(/[：:]$/, '')}`,
      subject: documentTitle('telegram', record),
      date: approvalTime(record),
      identity: identityOf(record, 'telegram'),
    },
    sealText: record.authority.sealText ?? record.authority.name,
    title: record.title,
    addressee: record.addressee,
    paragraphs: record.paragraphs,
    closing: record.closing,
    sender: record.sender,
    sentAt: record.sentAt,
  };
}

import { z } from 'zod';
import { TELEGRAM_VARIANTS, TEXT_LIMITS } from './constants.js';
import { dateTime, line, paragraphs, recordId, text } from './fields.js';
import { recordBaseShape } from './recordBaseShape.js';

export const telegramSchema = z
  .strictObject({
    kind: z.literal('telegram'),
    ...recordBaseShape,
    variant: z.enum(TELEGRAM_VARIANTS).describe('sympathy (慰问电) or condolence (唁电)'),
    title: text(TEXT_LIMITS.name).describe('e.g. 慰问电 or 唁电'),
    addressee: line().describe('A person, a family or a unit, e.g. 何建华同志家属：'),
    paragraphs: paragraphs().min(1).describe('Body paragraphs'),
    closing: text(TEXT_LIMITS.name).describe('e.g. 特电慰问 or 肃此电达'),
    sender: text(TEXT_LIMITS.name).describe('Sending authority, as signed'),
    sentAt: dateTime().describe('When the telegram was sent'),
    regardingRecordId: recordId().optional().describe('The award or record this telegram relates to'),
  })
  .describe('A sympathy or condolence telegram (慰问电/唁电)');

export type TelegramRecord = z.output<typeof telegramSchema>;

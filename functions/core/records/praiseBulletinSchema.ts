import { z } from 'zod';
import { colophonSchema } from './colophonSchema.js';
import { TEXT_LIMITS } from './constants.js';
import { dateTime, documentNumber, line, paragraphs, personName, text } from './fields.js';
import { recordBaseShape } from './recordBaseShape.js';

export const praiseBulletinSchema = z
  .strictObject({
    kind: z.literal('praise-bulletin'),
    ...recordBaseShape,
    documentNumber: documentNumber().optional().describe('文号; allocated on approval'),
    title: line().describe('Title of the bulletin'),
    addressee: line().describe('主送机关, e.g. 各盟市公安局，厅机关各部门：'),
    paragraphs: paragraphs().describe('Body paragraphs'),
    collectives: z.array(line()).max(TEXT_LIMITS.listEntries).describe('Collectives praised'),
    individuals: z
      .array(
        z.strictObject({
          name: personName(),
          unit: line(),
        }),
      )
      .max(TEXT_LIMITS.listEntries)
      .describe('Individuals praised'),
    closing: text(TEXT_LIMITS.name).default('特此通报').describe('Closing formula'),
    issuedAt: dateTime().describe('Date of issue (成文日期)'),
    colophon: colophonSchema.optional(),
  })
  .describe('A praise bulletin (表扬通报), praising many collectives and individuals at once');

export type PraiseBulletinRecord = z.output<typeof praiseBulletinSchema>;

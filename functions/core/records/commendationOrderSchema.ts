import { z } from 'zod';
import { colophonSchema } from './colophonSchema.js';
import { TEXT_LIMITS } from './constants.js';
import { dateTime, documentNumber, line, paragraphs, personName, text } from './fields.js';
import { recordBaseShape } from './recordBaseShape.js';

const awardeeSchema = z
  .strictObject({
    // A row of the order's table holds them: a few lines each, never a page.
    name: text(TEXT_LIMITS.unit).describe('Name of the person or collective'),
    unit: text(TEXT_LIMITS.unit).describe('Their unit'),
    award: text(TEXT_LIMITS.name).describe('The award as the order words it, e.g. 个人一等功, 集体二等功, 嘉奖'),
  })
  .describe('One award named by the order');

export const commendationOrderSchema = z
  .strictObject({
    kind: z.literal('commendation-order'),
    ...recordBaseShape,
    documentNumber: documentNumber().optional().describe('文号, e.g. 内公奖〔2020〕12号; allocated on approval'),
    title: line().describe('e.g. 内蒙古自治区公安厅关于给予何建华等同志记功嘉奖的命令'),
    addressee: line().optional().describe('主送机关, e.g. 各盟市公安局，厅机关各部门：'),
    preamble: paragraphs().describe('Paragraphs describing the deeds'),
    awardees: z.array(awardeeSchema).min(1).max(TEXT_LIMITS.listEntries).describe('The awards the order gives'),
    decision: text(TEXT_LIMITS.paragraph).describe('The 决定，给予…… paragraph'),
    closing: paragraphs().describe('Closing paragraphs: the call to learn from the awardees'),
    signatory: z
      .strictObject({
        title: text(TEXT_LIMITS.name).describe('e.g. 厅长'),
        name: personName(),
      })
      .optional()
      .describe('Who signs the order'),
    issuedAt: dateTime().describe('Date of issue (成文日期)'),
    colophon: colophonSchema.optional(),
  })
  .describe('A commendation order (嘉奖令/命令), an official document');

export type CommendationOrderRecord = z.output<typeof commendationOrderSchema>;
export type Awardee = CommendationOrderRecord['awardees'][number];

import { z } from 'zod';
import { TEXT_LIMITS } from './constants.js';
import { line, text } from './fields.js';

/** 版记 of an official document (GB/T 9704 §7.4): who gets copies, who printed it and when. */
export const colophonSchema = z
  .strictObject({
    copyTo: z
      .array(text(TEXT_LIMITS.name))
      .max(TEXT_LIMITS.copyTo)
      .default([])
      .describe('抄送机关, in the order printed, e.g. ["公安部政治部", "自治区党委政法委"]'),
    printedBy: line().optional().describe('印发机关, e.g. 内蒙古自治区公安厅办公室'),
    printedOn: z.iso.date().optional().describe('印发日期, e.g. 2020-02-05'),
  })
  .describe('版记: printed at the foot of the last page; parts left out take no line');

export type Colophon = z.output<typeof colophonSchema>;

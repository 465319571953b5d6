import { z } from 'zod';
import { awardShape } from './awardShape.js';
import { line } from './fields.js';

export const honoraryTitleRecordSchema = z
  .strictObject({
    kind: z.literal('honorary-title'),
    ...awardShape,
    title: line().describe('The title conferred, e.g. 全国公安系统二级英雄模范'),
  })
  .describe('An honorary title (荣誉称号)');

export type HonoraryTitleRecord = z.output<typeof honoraryTitleRecordSchema>;

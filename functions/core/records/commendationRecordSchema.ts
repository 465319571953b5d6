import { z } from 'zod';
import { awardShape } from './awardShape.js';

export const commendationRecordSchema = z
  .strictObject({ kind: z.literal('commendation'), ...awardShape })
  .describe('A commendation (嘉奖)');

export type CommendationRecord = z.output<typeof commendationRecordSchema>;

import { z } from 'zod';
import { MERIT_GRADES } from './constants.js';
import { awardShape } from './awardShape.js';

export const meritRecordSchema = z
  .strictObject({
    kind: z.literal('merit'),
    ...awardShape,
    grade: z.literal(MERIT_GRADES).describe('1 一等功, 2 二等功, 3 三等功'),
  })
  .describe('A wartime merit award (战时记功)');

export type MeritRecord = z.output<typeof meritRecordSchema>;

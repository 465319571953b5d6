import { z } from 'zod';
import { commendationOrderSchema } from './commendationOrderSchema.js';
import { commendationRecordSchema } from './commendationRecordSchema.js';
import { honoraryTitleRecordSchema } from './honoraryTitleRecordSchema.js';
import { meritRecordSchema } from './meritRecordSchema.js';
import { praiseBulletinSchema } from './praiseBulletinSchema.js';
import { statusRule } from './statusRule.js';
import { telegramSchema } from './telegramSchema.js';

/** The JSON form of any record, told apart by `kind`. */
export const awardRecordSchema = z
  .discriminatedUnion('kind', [
    meritRecordSchema,
    commendationRecordSchema,
    honoraryTitleRecordSchema,
    commendationOrderSchema,
    telegramSchema,
    praiseBulletinSchema,
  ])
  .check(statusRule)
  .meta({
    title: 'Award record',
    description:
      'A record of the Inner Mongolia public security wartime commendation mechanism: an award ' +
      '(merit, commendation, honorary title) or a document (commendation order, telegram, praise bulletin).',
  });

/** A validated record, with defaults filled in. */
export type AwardRecord = z.output<typeof awardRecordSchema>;
/** A record as written in JSON, before defaults. */
export type AwardRecordInput = z.input<typeof awardRecordSchema>;
/** A record that awards a recipient a certificate. */
export type RecipientAwardRecord = Extract<AwardRecord, { recipient: unknown }>;

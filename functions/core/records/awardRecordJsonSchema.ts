import { z } from 'zod';
import { awardRecordSchema } from './awardRecordSchema.js';
import { statusRuleJsonSchema } from './statusRule.js';

export const AWARD_RECORD_SCHEMA_ID = 'urn:wartime-awards-documents:schema:award-record';

/**
 * The published JSON Schema (draft 2020-12) of a record's JSON form. It describes the input,
 * so fields with defaults are optional; trimming is not expressible and is left to validateRecord.
 */
export function awardRecordJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(awardRecordSchema, { target: 'draft-2020-12', io: 'input' });
  const { $schema, ...rest } = generated;
  return { $schema, $id: AWARD_RECORD_SCHEMA_ID, ...rest, allOf: statusRuleJsonSchema };
}

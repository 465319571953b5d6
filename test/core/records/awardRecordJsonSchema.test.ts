import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AWARD_RECORD_SCHEMA_ID, RECORD_KINDS, awardRecordJsonSchema } from '../../../functions/core/records/index.js';

const committed = JSON.parse(
  readFileSync(new URL('../../../schemas/award-record.schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe('schemas/award-record.schema.json', () => {
  it('matches a fresh generation (run `npm run schema:generate` after changing the zod schema)', () => {
    expect(committed).toEqual(awardRecordJsonSchema());
  });

  it('is a draft 2020-12 schema with an id and a title', () => {
    expect(committed).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: AWARD_RECORD_SCHEMA_ID,
      title: 'Award record',
    });
  });

  it('has one alternative per kind, each closed to unknown fields', () => {
    const alternatives = committed.oneOf as {
      properties: { kind: { const: string } };
      additionalProperties: boolean;
    }[];
    expect(alternatives.map((alternative) => alternative.properties.kind.const)).toEqual([...RECORD_KINDS]);
    expect(alternatives.every((alternative) => alternative.additionalProperties === false)).toBe(true);
  });

  it('states the status rule', () => {
    expect(committed.allOf).toContainEqual({
      if: { properties: { status: { const: 'APPROVED' } }, required: ['status'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, a plain object that is never awaited
      then: { required: ['approvedAt'] },
    });
  });
});

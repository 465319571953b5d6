import { z } from 'zod';
import { STATUS_REQUIRED_FIELDS } from './constants.js';

type StatusWithRequirements = keyof typeof STATUS_REQUIRED_FIELDS;

/** Adds a "required when status is …" issue for each field the record's status needs. */
export const statusRule = z.superRefine<Record<string, unknown>>(
  (record, ctx) => {
    const required = STATUS_REQUIRED_FIELDS[record.status as StatusWithRequirements] ?? [];
    for (const field of required) {
      if (record[field] === undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: `required when status is ${record.status}` });
      }
    }
  },
  // Run even when other fields failed, so one pass reports every problem.
  { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
);

/** The same rule in JSON Schema, for the published schema file. */
export const statusRuleJsonSchema = Object.entries(STATUS_REQUIRED_FIELDS).map(([status, required]) => ({
  if: { properties: { status: { const: status } }, required: ['status'] },
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, a plain object that is never awaited
  then: { required: [...required] },
}));

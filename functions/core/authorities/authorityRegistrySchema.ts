import { z } from 'zod';
import { REGIONS, TEXT_LIMITS } from '../records/constants.js';

const name = z.string().trim().min(1).max(TEXT_LIMITS.name);

const authority = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1 to 40 lower-case letters, digits or "-", starting with one'),
  name,
  seal: z.strictObject({ text: name, shape: z.literal('star').default('star') }),
  numberingCode: name.optional(),
  // "all": every region, 自治区-level records included.
  regions: z.union([z.literal('all').transform(() => [...REGIONS]), z.array(z.enum(REGIONS)).min(1)]),
  mongolian: z
    .strictObject({ name: z.string().trim().min(1).optional(), sealText: z.string().trim().min(1).optional() })
    .optional(),
  certificateChain: z.string().trim().min(1).optional(),
});

/** The registry file: every authority once, by id, name and numbering code alike. */
export const authorityRegistrySchema = z
  .strictObject({ $comment: z.string().optional(), authorities: z.array(authority).min(1) })
  .superRefine(({ authorities }, ctx) => {
    for (const key of ['id', 'name', 'numberingCode'] as const) {
      const seen = new Set<string>();
      authorities.forEach((entry, index) => {
        const value = entry[key];
        if (value === undefined) return;
        if (seen.has(value))
          ctx.addIssue({
            code: 'custom',
            path: ['authorities', index, key],
            message: `"${value}" is registered twice`,
          });
        seen.add(value);
      });
    }
  });

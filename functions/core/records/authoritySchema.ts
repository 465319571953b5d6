import { z } from 'zod';
import { TEXT_LIMITS } from './constants.js';
import { text } from './fields.js';

/**
 * The authority a record names: a registered authority of the deployment, by its id or exact name
 * (the registry then gives its seal, numbering code and signer). `code` and `sealText` are read
 * for records stored before the registry: the registry refuses a record whose seal text is its
 * own or whose code differs from the registered one.
 */
export const authoritySchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/)
      .optional()
      .describe('The registered authority’s id, e.g. nmg-gat'),
    // 40 characters: the red mark holds them on two lines, the signature on two.
    name: text(TEXT_LIMITS.name).optional().describe('Issuing authority (发文机关), e.g. 内蒙古自治区公安厅'),
    code: text(TEXT_LIMITS.name).optional().describe('Document-number prefix (机关代字): the registry’s, if given'),
    sealText: text(TEXT_LIMITS.name).optional().describe('Not the record’s to give: the seal is the registry’s'),
  })
  .refine((authority) => authority.id !== undefined || authority.name !== undefined, {
    message: 'give the registered authority’s id or name',
  })
  // The registry fills in the name of an authority given by id, and its seal text.
  .transform(({ id, name, ...rest }) => ({ ...(id === undefined ? {} : { id }), name: name ?? id ?? '', ...rest }))
  .describe('The authority that issues the award or document: one registered for this deployment');

export type Authority = z.output<typeof authoritySchema>;

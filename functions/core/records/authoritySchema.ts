import { z } from 'zod';
import { TEXT_LIMITS } from './constants.js';
import { text } from './fields.js';

export const authoritySchema = z
  .strictObject({
    // 40 characters: the red mark holds them on two lines, the signature on two (typography.md §6).
    name: text(TEXT_LIMITS.name).describe('Issuing authority (发文机关), e.g. 内蒙古自治区公安厅'),
    code: text(TEXT_LIMITS.name).optional().describe('Document-number prefix (机关代字), e.g. 内公奖'),
    sealText: text(TEXT_LIMITS.name).optional().describe('Text around the seal; defaults to the authority name'),
  })
  // Defaulted here so a renderer never has to remember the fallback.
  .transform((authority) => ({ ...authority, sealText: authority.sealText ?? authority.name }))
  .describe('The authority that issues the award or document');

export type Authority = z.output<typeof authoritySchema>;

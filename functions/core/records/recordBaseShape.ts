import { z } from 'zod';
import { RECORD_STATUSES, REGIONS, TEXT_LIMITS } from './constants.js';
import { authoritySchema } from './authoritySchema.js';
import { dateTime, line, recordId, text } from './fields.js';

/** Fields every kind of record has; each kind spreads them into its own strict object. */
export const recordBaseShape = {
  id: recordId().describe('Stable record id, used in storage keys and file names'),
  status: z.enum(RECORD_STATUSES).describe('Workflow state; documents are produced on APPROVED'),
  version: z
    .int()
    .min(1)
    .default(1)
    .describe('Incremented when an approved record is corrected; each version gets new documents'),
  authority: authoritySchema,
  region: z
    .enum(REGIONS)
    .describe('The 盟市 whose figures the record counts in, or 自治区 for department-level records'),
  submittedAt: dateTime().optional().describe('When the record was submitted for approval'),
  approvedAt: dateTime().optional().describe('When the record was approved; required when APPROVED'),
  approvedBy: line().optional().describe('Who approved the record'),
  revokedAt: dateTime().optional().describe('When the record was revoked; required when REVOKED'),
  revocationReason: text(TEXT_LIMITS.paragraph)
    .optional()
    .describe('Why the record was revoked; required when REVOKED'),
  returnedAt: dateTime().optional().describe('When the record was returned for correction; required when RETURNED'),
  returnReason: text(TEXT_LIMITS.paragraph)
    .optional()
    .describe('What the submitter is asked to correct; required when RETURNED'),
  rejectedAt: dateTime().optional().describe('When the record was refused; required when REJECTED'),
  rejectionReason: text(TEXT_LIMITS.paragraph)
    .optional()
    .describe('Why the record was refused; required when REJECTED'),
};

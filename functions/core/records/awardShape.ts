import { z } from 'zod';
import { TEXT_LIMITS } from './constants.js';
import { deliverySchema } from './deliverySchema.js';
import { paragraphs, text } from './fields.js';
import { recipientSchema } from './recipientSchema.js';
import { recordBaseShape } from './recordBaseShape.js';

/** Fields shared by the kinds that award a recipient a certificate (merit, commendation, honorary title). */
export const awardShape = {
  ...recordBaseShape,
  recipient: recipientSchema,
  posthumous: z.boolean().default(false).describe('Awarded after death (追授/追记)'),
  deed: text(TEXT_LIMITS.deed).describe(
    'The short phrase printed on the certificate, e.g. 在新冠肺炎疫情防控工作中表现突出',
  ),
  citation: paragraphs().optional().describe('Longer paragraphs describing the deeds'),
  deliveries: z
    .array(deliverySchema)
    .max(TEXT_LIMITS.listEntries)
    .default([])
    .describe('In-person deliveries of this award; counted in the statistics'),
  certificateNumber: text(TEXT_LIMITS.name).optional().describe('Number printed on the certificate'),
};

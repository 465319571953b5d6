import { z } from 'zod';
import { RECIPIENT_ROLES } from './constants.js';
import { line, personName } from './fields.js';

export const individualRecipientSchema = z
  .strictObject({
    type: z.literal('individual'),
    name: personName().describe('Full name; may contain the middle dot (·) and rare characters'),
    role: z.enum(RECIPIENT_ROLES).describe('民警 (police officer), 辅警 (auxiliary officer) or 社区工作者'),
    unit: line().describe("The recipient's unit, e.g. 呼伦贝尔市海拉尔区公安分局呼伦街派出所"),
  })
  .describe('An individual recipient (个人)');

export const collectiveRecipientSchema = z
  .strictObject({
    type: z.literal('collective'),
    name: line().describe('Name of the collective as printed, e.g. 乌兰察布市公安局赴湖北护送防疫物资民警辅警集体'),
    memberCount: z.int().min(1).optional().describe('How many people the collective has'),
  })
  .describe('A collective recipient (集体): a unit, a team or a checkpoint');

export const recipientSchema = z.discriminatedUnion('type', [individualRecipientSchema, collectiveRecipientSchema]);

export type IndividualRecipient = z.output<typeof individualRecipientSchema>;
export type CollectiveRecipient = z.output<typeof collectiveRecipientSchema>;
export type Recipient = z.output<typeof recipientSchema>;

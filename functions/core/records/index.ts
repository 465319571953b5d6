export {
  AWARD_KINDS,
  LEAGUES_AND_CITIES,
  MERIT_GRADE_NAMES,
  MERIT_GRADES,
  RECIPIENT_ROLES,
  RECORD_KINDS,
  RECORD_STATUSES,
  REGIONS,
  TELEGRAM_VARIANTS,
} from './constants.js';
export type { MeritGrade, RecipientRole, RecordKind, RecordStatus, Region, TelegramVariant } from './constants.js';
export { awardRecordSchema } from './awardRecordSchema.js';
export type { AwardRecord, AwardRecordInput, RecipientAwardRecord } from './awardRecordSchema.js';
export { awardRecordJsonSchema, AWARD_RECORD_SCHEMA_ID } from './awardRecordJsonSchema.js';
export type { Authority } from './authoritySchema.js';
export type { Delivery } from './deliverySchema.js';
export type { CollectiveRecipient, IndividualRecipient, Recipient } from './recipientSchema.js';
export type { MeritRecord } from './meritRecordSchema.js';
export type { CommendationRecord } from './commendationRecordSchema.js';
export type { HonoraryTitleRecord } from './honoraryTitleRecordSchema.js';
export type { Awardee, CommendationOrderRecord } from './commendationOrderSchema.js';
export type { TelegramRecord } from './telegramSchema.js';
export type { PraiseBulletinRecord } from './praiseBulletinSchema.js';
export { validateRecord } from './validateRecord.js';
export { RecordValidationError, type RecordIssue } from './RecordValidationError.js';

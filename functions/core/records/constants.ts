/** The kinds of record, in the order the domain lists them (docs/domain.md). */
export const RECORD_KINDS = [
  'merit',
  'commendation',
  'honorary-title',
  'commendation-order',
  'telegram',
  'praise-bulletin',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** What staff call each kind of record. */
export const RECORD_KIND_NAMES: Readonly<Record<RecordKind, string>> = {
  merit: '战时记功',
  commendation: '嘉奖',
  'honorary-title': '荣誉称号',
  'commendation-order': '嘉奖令',
  telegram: '慰问电',
  'praise-bulletin': '表扬通报',
};

/** The kinds that award a recipient and produce a certificate. */
export const AWARD_KINDS = ['merit', 'commendation', 'honorary-title'] as const satisfies readonly RecordKind[];

export const RECORD_STATUSES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'REJECTED', 'APPROVED', 'REVOKED'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export const RECORD_STATUS_NAMES: Readonly<Record<RecordStatus, string>> = {
  DRAFT: '草稿',
  SUBMITTED: '待审批',
  RETURNED: '已退回',
  REJECTED: '不予批准',
  APPROVED: '已批准',
  REVOKED: '已撤销',
};

/**
 * Fields a status cannot do without. One table serves the zod check and the JSON Schema,
 * so the two cannot disagree.
 */
export const STATUS_REQUIRED_FIELDS = {
  APPROVED: ['approvedAt'],
  REVOKED: ['revokedAt', 'revocationReason'],
  RETURNED: ['returnedAt', 'returnReason'],
  REJECTED: ['rejectedAt', 'rejectionReason'],
} as const satisfies Partial<Record<RecordStatus, readonly string[]>>;

/** The 12 leagues and cities (盟市) of Inner Mongolia, in the order official documents list them. */
export const LEAGUES_AND_CITIES = [
  '呼和浩特市',
  '包头市',
  '乌海市',
  '赤峰市',
  '通辽市',
  '鄂尔多斯市',
  '呼伦贝尔市',
  '巴彦淖尔市',
  '乌兰察布市',
  '兴安盟',
  '锡林郭勒盟',
  '阿拉善盟',
] as const;

/** The region a record counts in: one 盟市, or the whole region for department-level records. */
export const REGIONS = [...LEAGUES_AND_CITIES, '自治区'] as const;
export type Region = (typeof REGIONS)[number];

export const MERIT_GRADES = [1, 2, 3] as const;
export type MeritGrade = (typeof MERIT_GRADES)[number];

export const MERIT_GRADE_NAMES: Readonly<Record<MeritGrade, string>> = {
  1: '一等功',
  2: '二等功',
  3: '三等功',
};

export const RECIPIENT_ROLES = ['民警', '辅警', '社区工作者'] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

export const TELEGRAM_VARIANTS = ['sympathy', 'condolence'] as const;
export type TelegramVariant = (typeof TELEGRAM_VARIANTS)[number];

/** Record ids end up in S3 keys and file names, so they stay ASCII and short. */
export const RECORD_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** 发文字号 as GB/T 9704 writes it: prefix, year in 〔〕, sequence number without leading zeros, 号. */
// biome-ignore lint/complexity/noUselessEscapeInRegex: the JSON Schema publishes it, and Java reads [ as a nested class
export const DOCUMENT_NUMBER_PATTERN = /^[^〔〕\[\]【】]+〔\d{4}〕[1-9]\d*号$/;

/** Control characters and line/paragraph separators: every field is a single line. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the pattern exists to reject control characters
export const SINGLE_LINE_PATTERN = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/;

/**
 * A letter, digit or Han character: a value of punctuation alone ("。") says nothing to print. (An
 * empty value passes here: "required" already says what is wrong with it.)
 */
export const HAS_WORDS_PATTERN = /^$|[\p{L}\p{N}]/u;

/**
 * Length caps, in UTF-16 code units (what zod's max() counts): a rare character outside
 * the BMP, such as 𠈌, counts twice.
 */
export const TEXT_LIMITS = {
  name: 40,
  /** The certificate's phrase: with a 40-character name and authority, one sheet holds it in 16 pt type. */
  deed: 120,
  /** A unit or collective in a table cell. */
  unit: 60,
  line: 200,
  paragraph: 2000,
  paragraphs: 100,
  listEntries: 2000,
  /** 抄送 bodies: the 版记 holds a few lines of them at the foot of one page. */
  copyTo: 10,
} as const;

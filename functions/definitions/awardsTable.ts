/**
 * The awards table, defined once for the CDK stack (infra/) and the local stack (local/), so the
 * two cannot drift. Plain data: no AWS SDK or CDK imports.
 *
 * One table holds every item of the pipeline, told apart by `itemType`:
 * - AWARD: a record of the contract (pk `AWARD#<id>`), plus what the pipeline writes back
 *   (document references, render status);
 * - NUMBER_COUNTER: the next serial of a document-number sequence (pk `COUNTER#<code>#<year>`);
 * - NUMBER_CLAIM: which record (recordId) or other document (holder) holds a document number
 *   (pk `NUMBER#<code>#<year>#<serial>`);
 * - HELD_NUMBER: the number a document that is not an award holds, under that document's name
 *   (pk `HELD#<holder>`, e.g. `HELD#bulletin/2020-03-05T00:00:00Z` for a statistics bulletin);
 * - STATISTICS: the bulletin's figures kept up to date, one item per scope (pk `STATS#<全区|盟市>`);
 * - APPLIED_CHANGE: a stream change already counted (pk `APPLIED#<event id>`), so none counts twice;
 * - VERIFICATION: the document a verification code points at (pk `VERIFY#<code>`): the award's
 *   record id (or the holder's name, for a statistics bulletin), kind, version, SHA-256 and what
 *   the document prints. Read one code at a time by the public verification page; never listed.
 */
export const AWARDS_TABLE = {
  /** Default table name; deployments and the local stack may override it. */
  defaultName: 'awards',
  partitionKey: { name: 'pk', type: 'S' },
  /** Staff list their region's awards (the links API): region, newest first by id. */
  indexes: [
    { name: 'byRegion', partitionKey: { name: 'region', type: 'S' }, sortKey: { name: 'id', type: 'S' } },
    /**
     * The sweep finds awards whose documents lag behind their state: only they carry `lag`
     * (RENDER or WITHDRAW), so the index holds just them, by the time of their last change.
     */
    { name: 'byLag', partitionKey: { name: 'lag', type: 'S' }, sortKey: { name: 'changedAt', type: 'S' } },
  ],
  streamView: 'NEW_AND_OLD_IMAGES',
  /** Applied-change markers expire once no redelivery can reach them. */
  timeToLiveAttribute: 'expiresAt',
} as const;

export const ITEM_TYPES = {
  award: 'AWARD',
  counter: 'NUMBER_COUNTER',
  claim: 'NUMBER_CLAIM',
  heldNumber: 'HELD_NUMBER',
  statistics: 'STATISTICS',
  appliedChange: 'APPLIED_CHANGE',
  verification: 'VERIFICATION',
} as const;

export const awardKey = (id: string) => `AWARD#${id}`;
export const counterKey = (code: string, year: number) => `COUNTER#${code}#${year}`;
export const claimKey = (code: string, year: number, serial: number) => `NUMBER#${code}#${year}#${serial}`;
export const heldNumberKey = (holder: string) => `HELD#${holder}`;
export const statisticsKey = (scope: string) => `STATS#${scope}`;
export const appliedChangeKey = (changeId: string) => `APPLIED#${changeId}`;
export const verificationKey = (code: string) => `VERIFY#${code}`;

/**
 * The keys of the numbering items (counters, claims, held numbers) as IAM StringLike patterns of
 * dynamodb:LeadingKeys: a function that numbers documents other than awards may write these alone.
 */
export const NUMBERING_KEY_PATTERNS = ['COUNTER#*', 'NUMBER#*', 'HELD#*'] as const;

/** The keys of the award items, as an IAM StringLike pattern of dynamodb:LeadingKeys. */
export const AWARD_KEY_PATTERN = 'AWARD#*';

/** The keys of the verification items, as an IAM StringLike pattern of dynamodb:LeadingKeys. */
export const VERIFICATION_KEY_PATTERN = 'VERIFY#*';

/** The index of awards whose documents lag behind their state: the sweep reads it, and only it. */
export const LAG_INDEX = AWARDS_TABLE.indexes.find((index) => index.name === 'byLag')!;

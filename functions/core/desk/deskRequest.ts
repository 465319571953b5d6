import { z } from 'zod';
import { RECORD_ID_PATTERN, RECORD_STATUSES, REGIONS, TEXT_LIMITS } from '../records/constants.js';
import { DOCUMENT_KINDS } from '../documents/documentTitles.js';

/** What approvers decide about one award. */
export const DECISIONS = ['approve', 'return', 'reject', 'revoke'] as const;
export type DeskDecision = (typeof DECISIONS)[number];

/** The largest request body the desk reads. */
export const MAX_BODY_BYTES = 16 * 1024;

/** A request the approvers' desk answers, read and checked before anything reaches the table. */
export type DeskRequest =
  | {
      readonly route: 'review';
      readonly status: string;
      readonly region?: string;
      readonly q?: string;
      readonly cursor?: string;
      readonly limit: number;
    }
  | { readonly route: 'draft'; readonly id: string; readonly document?: string }
  | {
      readonly route: 'decide';
      readonly id: string;
      readonly action: DeskDecision;
      readonly revision: number;
      readonly reason?: string;
    }
  | { readonly route: 'approve-list'; readonly items: readonly { id: string; revision: number }[] };

/** A request the desk refuses with 400 and this message. */
export class BadDeskRequest extends Error {
  override name = 'BadDeskRequest';
}

/** Whether the path is one of the desk's routes (the rest of the staff API is the links API's). */
export function isDeskPath(method: string, path: string): boolean {
  if (path === '/review') return true;
  if (method === 'POST' && /^\/awards(\/|$)/.test(path)) return true;
  return /^\/awards\/[^/]+\/draft$/.test(path);
}

const reviewQuery = z.strictObject({
  status: z.enum(RECORD_STATUSES).default('SUBMITTED'),
  region: z.enum(REGIONS).optional(),
  q: z.string().trim().min(1).max(40).optional(),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,2048}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

const draftQuery = z.strictObject({ document: z.enum(DOCUMENT_KINDS).optional() });

const recordId = z.string().regex(RECORD_ID_PATTERN, 'must be a record id');
const revision = z.int().min(0);
const reason = z.string().trim().min(1).max(TEXT_LIMITS.paragraph);
const decisionBody = z.strictObject({ revision, reason: reason.optional() });
const listBody = z.strictObject({
  items: z
    .array(z.strictObject({ id: recordId, revision }))
    .min(1)
    .max(1000),
});

/** The first problem zod found, as "field: what is wrong". */
function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0]!;
  if (issue.code === 'unrecognized_keys') return `unknown field "${issue.keys[0]}"`;
  const path = issue.path.join('.');
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}

function parsed<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new BadDeskRequest(`${where}: ${firstProblem(result.error)}`);
  return result.data;
}

/** A path segment's text; a malformed escape or anything but a record id is refused. */
function idOf(segment: string): string {
  let id: string;
  try {
    id = decodeURIComponent(segment);
  } catch {
    id = '';
  }
  if (!RECORD_ID_PATTERN.test(id))
    throw new BadDeskRequest('id: must be 1 to 64 letters, digits, "_" or "-", starting with a letter or digit');
  return id;
}

/** The body as JSON: at most MAX_BODY_BYTES, an object. */
function jsonBody(body: string | undefined): unknown {
  if (body === undefined || body === '') throw new BadDeskRequest('body: a JSON object is required');
  if (Buffer.byteLength(body, 'utf8') > MAX_BODY_BYTES)
    throw new BadDeskRequest(`body: larger than ${MAX_BODY_BYTES / 1024} KB`);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new BadDeskRequest('body: not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new BadDeskRequest('body: must be a JSON object');
  return value;
}

/** Reads method, path, query and body of an HTTP API event into a DeskRequest. */
export function parseDeskRequest(
  method: string,
  path: string,
  query: Readonly<Record<string, string | undefined>> = {},
  body?: string,
): DeskRequest {
  if (path === '/review') {
    if (method !== 'GET') throw new BadDeskRequest(`${method} is not supported on /review: use GET`);
    return { route: 'review', ...parsed(reviewQuery, query, 'query') };
  }
  const draft = /^\/awards\/([^/]+)\/draft$/.exec(path);
  if (draft) {
    if (method !== 'GET') throw new BadDeskRequest(`${method} is not supported on a draft: use GET`);
    const { document } = parsed(draftQuery, query, 'query');
    return { route: 'draft', id: idOf(draft[1]!), ...(document ? { document } : {}) };
  }
  if (method !== 'POST') throw new BadDeskRequest(`no such resource: ${method} ${path}`);
  if (Object.keys(query).length > 0) throw new BadDeskRequest(`unknown query parameter "${Object.keys(query)[0]}"`);
  if (path === '/awards/approve') {
    const { items } = parsed(listBody, jsonBody(body), 'body');
    const repeated = items.find((item, index) => items.findIndex((other) => other.id === item.id) !== index);
    if (repeated) throw new BadDeskRequest(`body: items: ${repeated.id} is listed twice`);
    return { route: 'approve-list', items };
  }
  const decision = /^\/awards\/([^/]+)\/([a-z]+)$/.exec(path);
  const action = decision?.[2] as DeskDecision | undefined;
  if (!decision || !DECISIONS.includes(action!)) throw new BadDeskRequest(`no such resource: POST ${path}`);
  const id = idOf(decision[1]!);
  const checked = parsed(decisionBody, jsonBody(body), 'body');
  if (action !== 'approve' && checked.reason === undefined)
    throw new BadDeskRequest(`body: reason: required to ${action} an award`);
  return {
    route: 'decide',
    id,
    action: action!,
    revision: checked.revision,
    ...(checked.reason === undefined ? {} : { reason: checked.reason }),
  };
}

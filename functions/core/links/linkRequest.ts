import { z } from 'zod';
import { RECORD_STATUSES, REGIONS } from '../records/index.js';
import { RECORD_ID_PATTERN } from '../records/constants.js';

/** A request the links API answers, read and checked before anything reaches DynamoDB. */
export type LinkRequest =
  | {
      readonly route: 'list-awards';
      readonly region?: string;
      readonly status?: string;
      readonly q?: string;
      readonly cursor?: string;
      readonly limit: number;
    }
  | { readonly route: 'award-documents'; readonly id: string }
  | { readonly route: 'list-bulletins' };

/** A request the API refuses with 400 and this message. */
export class BadLinkRequest extends Error {
  override name = 'BadLinkRequest';
}

const listQuery = z.strictObject({
  region: z.enum(REGIONS).optional(),
  status: z.enum(RECORD_STATUSES).optional(),
  q: z.string().trim().min(1).max(40).optional(),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,1024}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

/** A path segment's text, or undefined when its percent-encoding is malformed (%ZZ, a lone %E4). */
function decodedPathSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Reads method, path and query string parameters of an HTTP API event into a LinkRequest. */
export function parseLinkRequest(
  method: string,
  path: string,
  query: Readonly<Record<string, string | undefined>> = {},
): LinkRequest {
  if (method !== 'GET') throw new BadLinkRequest(`${method} is not supported: the links API only answers GET`);
  const documents = /^\/awards\/([^/]+)\/documents$/.exec(path);
  const noQuery = () => {
    const [unknown] = Object.keys(query);
    if (unknown !== undefined) throw new BadLinkRequest(`unknown query parameter "${unknown}"`);
  };
  if (documents) {
    noQuery();
    const id = decodedPathSegment(documents[1]!);
    if (id === undefined || !RECORD_ID_PATTERN.test(id))
      throw new BadLinkRequest('id: must be 1 to 64 letters, digits, "_" or "-", starting with a letter or digit');
    return { route: 'award-documents', id };
  }
  if (path === '/bulletins') {
    noQuery();
    return { route: 'list-bulletins' };
  }
  if (path === '/awards') {
    const parsed = listQuery.safeParse(query);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field =
        issue.code === 'unrecognized_keys'
          ? `unknown query parameter "${issue.keys[0]}"`
          : `${issue.path.join('.')}: ${issue.message}`;
      throw new BadLinkRequest(field);
    }
    return { route: 'list-awards', ...parsed.data };
  }
  throw new BadLinkRequest(`no such resource: ${path}`);
}

import { ITEM_TYPES } from './awardsTable.js';

/**
 * Which stream records reach the render function: changes to award items whose status is now
 * APPROVED (approval, correction, and the function's own write-back, which it recognises and
 * skips) or REVOKED. Used verbatim as the event source mapping's FilterCriteria in infra/ and by
 * the local stream poller, through `matchesFilter` below.
 */
export const RENDER_FILTER_PATTERNS = [
  {
    eventName: ['INSERT', 'MODIFY'],
    dynamodb: { NewImage: { itemType: { S: [ITEM_TYPES.award] }, status: { S: ['APPROVED', 'REVOKED'] } } },
  },
] as const;

/**
 * Which stream records reach the statistics function: every change to an award item (its own
 * write-backs included: they move no figure and are skipped without a write).
 */
export const STATISTICS_FILTER_PATTERNS = [{ dynamodb: { Keys: { pk: { S: [{ prefix: 'AWARD#' }] } } } }] as const;

type Matcher = string | number | { readonly prefix: string };
type Pattern = { readonly [key: string]: Pattern | readonly Matcher[] };

const matchesValue = (value: unknown, matcher: Matcher) =>
  typeof matcher === 'object' ? typeof value === 'string' && value.startsWith(matcher.prefix) : value === matcher;

function matches(value: unknown, pattern: Pattern | readonly Matcher[]): boolean {
  if (Array.isArray(pattern)) return (pattern as readonly Matcher[]).some((matcher) => matchesValue(value, matcher));
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(pattern as Pattern).every(([key, inner]) =>
    matches((value as Record<string, unknown>)[key], inner),
  );
}

/**
 * Lambda's event-filtering semantics for the patterns above (exact values or prefixes in lists,
 * nested fields, patterns OR-ed): a record passes when any pattern matches it.
 */
export function matchesFilter(
  record: unknown,
  patterns: readonly Pattern[] = RENDER_FILTER_PATTERNS as unknown as readonly Pattern[],
): boolean {
  return patterns.some((pattern) => matches(record, pattern));
}

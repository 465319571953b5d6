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

type Pattern = { readonly [key: string]: Pattern | readonly (string | number)[] };

function matches(value: unknown, pattern: Pattern | readonly (string | number)[]): boolean {
  if (Array.isArray(pattern)) return (pattern as readonly unknown[]).includes(value);
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(pattern as Pattern).every(([key, inner]) => matches((value as Record<string, unknown>)[key], inner));
}

/**
 * Lambda's event-filtering semantics for the patterns above (exact values in lists, nested
 * fields, patterns OR-ed): a record passes when any pattern matches it.
 */
export function matchesFilter(record: unknown, patterns: readonly Pattern[] = RENDER_FILTER_PATTERNS as unknown as readonly Pattern[]): boolean {
  return patterns.some((pattern) => matches(record, pattern));
}

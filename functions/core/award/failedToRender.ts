import type { Award } from './Award.js';

/**
 * The award's current version could not be drawn and it has no document at all: nothing was
 * issued, so the statistics do not count it. An award whose correction failed keeps the
 * documents of its earlier version, which were issued, and is counted.
 */
export function failedToRender({ record, rendering, documents }: Award): boolean {
  return rendering.failure?.version === record.version && documents.length === 0;
}

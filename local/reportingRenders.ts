import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { readableAward } from '../functions/adapters/dynamodb/awardItem.js';
import type { Award } from '../functions/core/award/Award.js';
import type { RenderHandler } from '../functions/render/createRenderHandler.js';

/**
 * What a render did to an award, one line each: a document stored (record, document, ms) or the
 * current version failed (record, reason). Nothing for a stream record that changed neither.
 */
export function renderedLines(before: Award, after: Award, ms: number): string[] {
  const known = new Set(before.documents.map((ref) => `${ref.kind} v${ref.version}`));
  const stored = after.documents
    .map((ref) => `${ref.kind} v${ref.version}`)
    .filter((name) => !known.has(name))
    .map((name) => `${after.record.id}\t${name}\t${Math.round(ms)} ms`);
  const failure = after.rendering.failure;
  const failedNow =
    failure?.version === after.record.version && before.rendering.failure?.version !== before.record.version;
  return failedNow ? [...stored, `${after.record.id}\tFAILED\t${failure.reason}`] : stored;
}

/**
 * The render handler, telling `print` of each document it stored while `enabled()` says so: the
 * award as the stream showed it against the award as stored once the batch is done, timed by the
 * batch. A failure to read back is not the render's: it is left unsaid.
 */
export function reportingRenders(
  handler: RenderHandler,
  {
    read,
    print,
    enabled,
  }: {
    read: (id: string) => Promise<Award | undefined>;
    print: (line: string) => void;
    enabled: () => boolean;
  },
): RenderHandler {
  return async (event, context) => {
    if (!enabled()) return handler(event, context);
    const started = performance.now();
    const response = await handler(event, context);
    const ms = performance.now() - started;
    for (const record of event.Records) {
      const image = record.dynamodb?.NewImage;
      const before = image && readableAward(unmarshall(image as Record<string, AttributeValue>));
      if (!before) continue;
      const after = await read(before.record.id).catch(() => undefined);
      if (after) for (const line of renderedLines(before, after, ms)) print(line);
    }
    return response;
  };
}

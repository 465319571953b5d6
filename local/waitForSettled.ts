import type { AwardRepository } from '../functions/core/pipeline/ports.js';
import type { StoredAward } from '../functions/core/pipeline/StoredAward.js';

/** The pipeline is done with an award's current version: its documents are stored, or it failed. */
export function isSettled(item: StoredAward | undefined): item is StoredAward {
  return item !== undefined && ((item.renderedVersion ?? 0) >= item.version || (item.renderStatus === 'FAILED' && item.failedVersion === item.version));
}

/**
 * Polls the awards until the pipeline has settled each one, reporting progress as it goes.
 * Fails after `timeoutMs` naming the awards still pending, rather than waiting forever.
 */
export async function waitForSettled(
  awards: Pick<AwardRepository, 'get'>,
  ids: readonly string[],
  { onProgress, timeoutMs = 120_000, pollMs = 100 }: { onProgress?: (settled: ReadonlyMap<string, StoredAward>) => void; timeoutMs?: number; pollMs?: number } = {},
): Promise<Map<string, StoredAward>> {
  const settled = new Map<string, StoredAward>();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const id of ids) {
      if (settled.has(id)) continue;
      const item = await awards.get(id);
      if (isSettled(item)) settled.set(id, item);
    }
    onProgress?.(settled);
    if (settled.size === ids.length) return settled;
    if (Date.now() > deadline) {
      const pending = ids.filter((id) => !settled.has(id));
      throw new Error(`${pending.length} awards not settled after ${timeoutMs} ms: ${pending.slice(0, 5).join(', ')}${pending.length > 5 ? ', …' : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

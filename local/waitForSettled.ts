import { type Award, documentsLag } from '../functions/core/award/Award.js';
import type { AwardStore } from '../functions/core/award/AwardStore.js';

/**
 * Polls the awards until the pipeline has settled each one (its documents are in step with its
 * state: an approved version rendered or failed, a revoked award's documents withdrawn),
 * reporting progress as it goes. Fails after `timeoutMs` naming the awards still pending, rather than waiting forever.
 */
export async function waitForSettled(
  awards: Pick<AwardStore, 'get'>,
  ids: readonly string[],
  {
    onProgress,
    timeoutMs = 120_000,
    pollMs = 100,
  }: { onProgress?: (settled: ReadonlyMap<string, Award>) => void; timeoutMs?: number; pollMs?: number } = {},
): Promise<Map<string, Award>> {
  const settled = new Map<string, Award>();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const id of ids) {
      if (settled.has(id)) continue;
      const award = await awards.get(id);
      if (award !== undefined && documentsLag(award) === undefined) settled.set(id, award);
    }
    onProgress?.(settled);
    if (settled.size === ids.length) return settled;
    if (Date.now() > deadline) {
      const pending = ids.filter((id) => !settled.has(id));
      throw new Error(
        `${pending.length} awards not settled after ${timeoutMs} ms: ` +
          `${pending.slice(0, 5).join(', ')}${pending.length > 5 ? ', …' : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

import type { Award } from '../../functions/core/award/Award.js';
import type { AwardQueries } from '../../functions/core/links/LinksService.js';
import type { InMemoryAwardStore } from './InMemoryAwardStore.js';

/** The links API's and the desk's reads over an in-memory store: by region, by status and search, by id. */
export class InMemoryAwardQueries implements AwardQueries {
  constructor(private readonly store: InMemoryAwardStore) {}

  get(id: string): Promise<Award | undefined> {
    return this.store.get(id);
  }

  async listByRegion(region: string, options: { status?: string; q?: string; limit: number }) {
    return this.listAcrossRegions([region], options);
  }

  async listAcrossRegions(regions: readonly string[], options: { status?: string; q?: string; limit: number }) {
    const items = [...this.store.awards.values()]
      .filter((award) => regions.includes(String(award.record.region)))
      .filter((award) => options.status === undefined || award.record.status === options.status)
      .filter((award) => options.q === undefined || JSON.stringify(award.record).includes(options.q))
      .sort((a, b) => a.record.id.localeCompare(b.record.id))
      .slice(0, options.limit);
    return { items: structuredClone(items) };
  }
}

import type {
  AwardStanding,
  AwardStandings,
  VerificationIndex,
  VerifiedDocument,
} from '../../functions/core/verification/VerifiedDocument.js';
import type { InMemoryAwardStore } from './InMemoryAwardStore.js';

/** The verification codes and award standings of an in-memory award store, as the verify function reads them. */
export class InMemoryVerifications implements VerificationIndex, AwardStandings {
  constructor(private readonly store: InMemoryAwardStore) {}

  async find(code: string): Promise<VerifiedDocument | undefined> {
    return this.store.verified.get(code);
  }

  async record(document: VerifiedDocument): Promise<void> {
    this.store.verified.set(document.code, document);
  }

  async standingOf(recordId: string): Promise<AwardStanding | undefined> {
    const award = this.store.awards.get(recordId);
    if (award === undefined) return undefined;
    const { status, version, revokedAt } = award.record;
    return { status, version, ...(revokedAt === undefined ? {} : { revokedAt }) };
  }
}

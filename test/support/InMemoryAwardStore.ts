import type { Award } from '../../functions/core/award/Award.js';
import type { AwardStore, SequencePlace } from '../../functions/core/award/AwardStore.js';
import { VerificationConflict, type VerifiedDocument } from '../../functions/core/verification/VerifiedDocument.js';

const copy = <T>(value: T): T => structuredClone(value);

/** The award store's contract in memory, revision guard included: the port the unit tests run the core against. */
export class InMemoryAwardStore implements AwardStore {
  readonly awards = new Map<string, Award>();
  readonly counters = new Map<string, number>();
  readonly claims = new Map<string, string>();
  /** Why each voided number (code#year#serial) was given up. */
  readonly voided = new Map<string, string>();
  /** Verification items by code, as saveRendered writes them. */
  readonly verified = new Map<string, VerifiedDocument>();

  async get(id: string): Promise<Award | undefined> {
    const award = this.awards.get(id);
    return award && copy(award);
  }

  async create(award: Award): Promise<boolean> {
    if (this.awards.has(award.record.id)) return false;
    this.awards.set(award.record.id, copy(award));
    return true;
  }

  async save(read: Award, next: Award): Promise<'saved' | 'changed'> {
    if (this.awards.get(read.record.id)?.revision !== read.revision) return 'changed';
    this.awards.set(next.record.id, copy(next));
    return 'saved';
  }

  async saveAll(changes: readonly { readonly read: Award; readonly next: Award }[]): Promise<'saved' | 'changed'> {
    if (changes.some(({ read }) => this.awards.get(read.record.id)?.revision !== read.revision)) return 'changed';
    for (const { next } of changes) this.awards.set(next.record.id, copy(next));
    return 'saved';
  }

  async saveRendered(read: Award, next: Award, verified: readonly VerifiedDocument[]): Promise<'saved' | 'changed'> {
    if (this.awards.get(read.record.id)?.revision !== read.revision) return 'changed';
    for (const document of verified) {
      const earlier = this.verified.get(document.code);
      if (earlier === undefined) continue;
      const same =
        earlier.recordId === document.recordId &&
        earlier.kind === document.kind &&
        earlier.version === document.version &&
        earlier.sha256 === document.sha256;
      if (!same) throw new VerificationConflict(`code ${document.code} points elsewhere`);
    }
    for (const document of verified) this.verified.set(document.code, copy(document));
    this.awards.set(next.record.id, copy(next));
    return 'saved';
  }

  async saveNumbered(
    read: Award,
    next: Award,
    { code, year, serial }: SequencePlace,
  ): Promise<'saved' | 'changed' | 'taken'> {
    if (this.awards.get(read.record.id)?.revision !== read.revision) return 'changed';
    const sequence = `${code}#${year}`;
    if ((this.counters.get(sequence) ?? 0) !== serial - 1 || this.claims.has(`${sequence}#${serial}`)) return 'taken';
    this.counters.set(sequence, serial);
    this.claims.set(`${sequence}#${serial}`, read.record.id);
    this.awards.set(next.record.id, copy(next));
    return 'saved';
  }

  async saveVoiding(read: Award, next: Award, place: SequencePlace, reason: string): Promise<'saved' | 'changed'> {
    if (this.awards.get(read.record.id)?.revision !== read.revision) return 'changed';
    const claim = `${place.code}#${place.year}#${place.serial}`;
    if (this.claims.get(claim) !== read.record.id) throw new Error(`${claim} is not held by ${read.record.id}`);
    this.voided.set(claim, reason);
    this.awards.set(next.record.id, copy(next));
    return 'saved';
  }

  async nextSerial(code: string, year: number): Promise<number> {
    return (this.counters.get(`${code}#${year}`) ?? 0) + 1;
  }

  async holderOf({ code, year, serial }: SequencePlace): Promise<string | undefined> {
    const claim = `${code}#${year}#${serial}`;
    return this.voided.has(claim) ? undefined : this.claims.get(claim);
  }
}

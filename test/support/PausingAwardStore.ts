import type { Award } from '../../functions/core/award/Award.js';
import type { AwardStore, SequencePlace } from '../../functions/core/award/AwardStore.js';
import type { VerifiedDocument } from '../../functions/core/verification/VerifiedDocument.js';

/** A write held between its read and its store: `reached` once it is held, `release` lets it go on. */
export interface HeldWrite {
  readonly reached: Promise<void>;
  release(): void;
}

/**
 * An award store whose next write waits until the test lets it go: the test makes a change,
 * holds its write after the read, lands another change in that window, then releases it. An
 * interleaving the test controls, not a sleep that hopes for one.
 */
export class PausingAwardStore implements AwardStore {
  private held: { arrived: () => void; gate: Promise<void> } | undefined;

  constructor(private readonly inner: AwardStore) {}

  /** Holds the next save (numbered, rendered or plain) until `release` is called. */
  holdNextWrite(): HeldWrite {
    let arrived!: () => void;
    let release!: () => void;
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    this.held = { arrived, gate };
    return { reached, release };
  }

  private async pass(): Promise<void> {
    const held = this.held;
    if (held === undefined) return;
    this.held = undefined;
    held.arrived();
    await held.gate;
  }

  get(id: string) {
    return this.inner.get(id);
  }

  create(award: Award) {
    return this.inner.create(award);
  }

  async save(read: Award, next: Award) {
    await this.pass();
    return this.inner.save(read, next);
  }

  async saveAll(changes: readonly { readonly read: Award; readonly next: Award }[]) {
    await this.pass();
    return this.inner.saveAll(changes);
  }

  async saveRendered(read: Award, next: Award, verified: readonly VerifiedDocument[]) {
    await this.pass();
    return this.inner.saveRendered(read, next, verified);
  }

  async saveVoiding(read: Award, next: Award, place: SequencePlace, reason: string) {
    await this.pass();
    return this.inner.saveVoiding(read, next, place, reason);
  }

  async saveNumbered(read: Award, next: Award, place: SequencePlace) {
    await this.pass();
    return this.inner.saveNumbered(read, next, place);
  }

  nextSerial(code: string, year: number) {
    return this.inner.nextSerial(code, year);
  }

  holderOf(place: SequencePlace) {
    return this.inner.holderOf(place);
  }
}

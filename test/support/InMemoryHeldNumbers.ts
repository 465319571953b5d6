import type { SequencePlace } from '../../functions/core/award/AwardStore.js';
import type { HeldNumbers } from '../../functions/core/numbering/HeldNumbers.js';
import { formatDocumentNumber } from '../../functions/core/pipeline/documentNumber.js';
import { InMemoryAwardStore } from './InMemoryAwardStore.js';

/**
 * The held numbers' contract in memory, on the sequences of an in-memory award store (a new one
 * unless given), so awards and other documents number from the same counters, as in the table.
 */
export class InMemoryHeldNumbers implements HeldNumbers {
  readonly held = new Map<string, string>();

  constructor(readonly awards: InMemoryAwardStore = new InMemoryAwardStore()) {}

  async numberOf(holder: string): Promise<string | undefined> {
    return this.held.get(holder);
  }

  nextSerial(code: string, year: number): Promise<number> {
    return this.awards.nextSerial(code, year);
  }

  async give(holder: string, { code, year, serial }: SequencePlace): Promise<'given' | 'held' | 'taken'> {
    if (this.held.has(holder)) return 'held';
    const sequence = `${code}#${year}`;
    const { counters, claims } = this.awards;
    if ((counters.get(sequence) ?? 0) !== serial - 1 || claims.has(`${sequence}#${serial}`)) return 'taken';
    counters.set(sequence, serial);
    claims.set(`${sequence}#${serial}`, holder);
    this.held.set(holder, formatDocumentNumber(code, year, serial));
    return 'given';
  }
}

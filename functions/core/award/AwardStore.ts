import type { VerifiedDocument } from '../verification/VerifiedDocument.js';
import type { Award } from './Award.js';

/** What one write may change at most (DynamoDB's TransactWriteItems takes 100 items). */
export const MAX_CHANGES_PER_WRITE = 100;

/** One place in a document-number sequence: the authority's code, the year and the serial. */
export interface SequencePlace {
  readonly code: string;
  readonly year: number;
  readonly serial: number;
}

/**
 * Where awards are kept. Every write of a change is conditioned on the revision the change was
 * made from (`read.revision`): when another change got there first, nothing is written and the
 * answer is 'changed', for the caller to read again and decide afresh.
 */
export interface AwardStore {
  /** A strongly consistent read; undefined when there is no such award. */
  get(id: string): Promise<Award | undefined>;
  /** Stores a new award; false when the id is taken. */
  create(award: Award): Promise<boolean>;
  /** Replaces `read` by `next` (revision read + 1) unless the award changed since it was read. */
  save(read: Award, next: Award): Promise<'saved' | 'changed'>;
  /**
   * Saves several changes (at most MAX_CHANGES_PER_WRITE) in one write, all or nothing, each
   * conditioned on the revision it was made from: 'changed' when any award moved meanwhile.
   */
  saveAll(changes: readonly { readonly read: Award; readonly next: Award }[]): Promise<'saved' | 'changed'>;
  /**
   * Saves an award whose documents were stored, as `save` does, together with each document's
   * verification code (VERIFY#<code>), all or nothing: a code exists exactly when the award lists
   * its document. A code already pointing at the same document is written again unchanged (a
   * redelivery); one pointing anywhere else is never re-pointed (a VerificationConflict).
   */
  saveRendered(read: Award, next: Award, verified: readonly VerifiedDocument[]): Promise<'saved' | 'changed'>;
  /**
   * Saves an award that receives a 文号 together with the sequence moving to that serial and the
   * number's claim, all or nothing: 'taken' when another order got that serial first.
   */
  saveNumbered(read: Award, next: Award, place: SequencePlace): Promise<'saved' | 'changed' | 'taken'>;
  /**
   * Saves an award that failed after it was given the number at `place`, which no document
   * carries, together with that number's claim marked void (作废) with the reason, all or
   * nothing: the sequence stays gap-free, and a voided number is never given again.
   */
  saveVoiding(read: Award, next: Award, place: SequencePlace, reason: string): Promise<'saved' | 'changed'>;
  /** The next serial of a sequence (the last one given, plus one). */
  nextSerial(code: string, year: number): Promise<number>;
  /**
   * Which award (its id) a serial of a sequence was given to, if any; for a document that is not
   * an award, its holder's name (core/numbering/HeldNumbers.ts: `bulletin/<cut-off>`).
   */
  holderOf(place: SequencePlace): Promise<string | undefined>;
}

import type { SequencePlace } from '../award/AwardStore.js';

/**
 * 文号 of documents that are not awards (the statistics bulletin), from the same per-(code, year)
 * sequences the awards take theirs from. Each holder is a document's name (`bulletin/<cut-off>`)
 * and holds at most one number, recorded under that name: a second run for the same document
 * finds it there instead of taking another.
 */
export interface HeldNumbers {
  /** The number the holder was given (a strongly consistent read); undefined when it has none. */
  numberOf(holder: string): Promise<string | undefined>;
  /** The next serial of a sequence (the last one given, plus one). */
  nextSerial(code: string, year: number): Promise<number>;
  /**
   * Gives the holder the number at `place`, all or nothing: the sequence moves to that serial, the
   * number is claimed for the holder and recorded under the holder's name. 'held' when the holder
   * has a number already, 'taken' when another document took that serial first.
   */
  give(holder: string, place: SequencePlace): Promise<'given' | 'held' | 'taken'>;
}

import { TransientFault } from '../errors.js';
import { formatDocumentNumber } from '../pipeline/documentNumber.js';
import type { HeldNumbers } from './HeldNumbers.js';
import { MAX_SERIAL_ATTEMPTS, pauseAfterTaken, WIDEST_SERIAL } from './serialContention.js';

/**
 * The holder's one number of the (code, year) sequence: the one it holds already (a retried or
 * concurrent run for the same document), or the next one, given under the condition that the
 * holder still has none. `beforeGiving` runs once before a number is first given, with a number
 * as wide as any: a document that cannot be made fails there, before a number is spent on it.
 */
export async function numberOnce(
  numbers: HeldNumbers,
  holder: string,
  { code, year }: { readonly code: string; readonly year: number },
  beforeGiving: (widestNumber: string) => Promise<unknown> = async () => {},
): Promise<string> {
  let tried = false;
  for (let attempt = 1; attempt <= MAX_SERIAL_ATTEMPTS; attempt++) {
    const held = await numbers.numberOf(holder);
    if (held !== undefined) return held;
    if (!tried) {
      await beforeGiving(formatDocumentNumber(code, year, WIDEST_SERIAL));
      tried = true;
    }
    const serial = await numbers.nextSerial(code, year);
    const result = await numbers.give(holder, { code, year, serial });
    if (result === 'given') return formatDocumentNumber(code, year, serial);
    // 'held': a concurrent run numbered this holder first, and the next read finds its number.
    if (result === 'taken') await pauseAfterTaken(attempt);
  }
  throw new TransientFault(
    `giving ${holder} a ${code} ${year} number: still contended after ${MAX_SERIAL_ATTEMPTS} attempts`,
  );
}

import { TransientFault } from '../errors.js';
import { formatDocumentNumber } from '../pipeline/documentNumber.js';
import type { HeldNumbers } from './HeldNumbers.js';
import { MAX_SERIAL_ATTEMPTS, pauseAfterTaken } from './serialContention.js';

/**
 * The holder's one number of the (code, year) sequence: the one it holds already (a retried or
 * concurrent run for the same document), or the next one, given under the condition that the
 * holder still has none. The document is drawn once, after: one that fails to draw keeps its
 * number for the run that retries it.
 */
export async function numberOnce(
  numbers: HeldNumbers,
  holder: string,
  { code, year }: { readonly code: string; readonly year: number },
): Promise<string> {
  for (let attempt = 1; attempt <= MAX_SERIAL_ATTEMPTS; attempt++) {
    const held = await numbers.numberOf(holder);
    if (held !== undefined) return held;
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

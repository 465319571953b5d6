import type { HeldNumbers } from '../../functions/core/numbering/HeldNumbers.js';

/**
 * Held numbers whose first `numberOf` answers only when told to, after reading: the run that uses
 * them has read "no number yet" while another run numbers the same holder in between.
 */
export function pausedAfterRead(inner: HeldNumbers) {
  let read = () => {};
  let resume = () => {};
  const hasRead = new Promise<void>((resolve) => {
    read = resolve;
  });
  const resumed = new Promise<void>((resolve) => {
    resume = resolve;
  });
  const numbers: HeldNumbers = {
    async numberOf(holder) {
      const number = await inner.numberOf(holder);
      read();
      await resumed;
      return number;
    },
    nextSerial: (code, year) => inner.nextSerial(code, year),
    give: (holder, place) => inner.give(holder, place),
  };
  return { numbers, hasRead, resume };
}

import type { HeldNumbers } from '../../functions/core/numbering/HeldNumbers.js';

/**
 * Held numbers whose `give` waits until `parties` callers are at it, each having read that its
 * holder has no number and which serial is next: the race of concurrent runs, every time.
 */
export function meetingAtGive(inner: HeldNumbers, parties: number): HeldNumbers & { readonly gives: string[] } {
  const gives: string[] = [];
  let release = () => {};
  const met = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    gives,
    numberOf: (holder) => inner.numberOf(holder),
    nextSerial: (code, year) => inner.nextSerial(code, year),
    async give(holder, place) {
      gives.push(`${holder} ${place.serial}`);
      if (gives.length === parties) release();
      await met;
      return inner.give(holder, place);
    },
  };
}

import { beijingTime } from '../engine/templates/chineseDates.js';

/**
 * Whether two cut-offs fall in one bulletin period: the same calendar day in Beijing time, the
 * day the bulletin's dates are printed in. The schedule compiles a bulletin a day, so each day
 * is a new period and gets its bulletin whatever changed.
 */
export function samePeriod(cutoff: string, other: string): boolean {
  const a = beijingTime(cutoff);
  const b = beijingTime(other);
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

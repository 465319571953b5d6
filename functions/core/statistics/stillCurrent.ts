import { isDeepStrictEqual } from 'node:util';
import type { ArchivedBulletin } from './compileKeptBulletin.js';
import type { BulletinFigures } from './Figures.js';
import { samePeriod } from './samePeriod.js';

/**
 * Whether the latest bulletin still states the figures as they are at this cut-off: numbered, in
 * the same period, with the same figures for the region and each 盟市. Then a new bulletin would
 * repeat it under another 文号, so none is compiled.
 */
export function stillCurrent(
  latest: ArchivedBulletin | undefined,
  now: Pick<BulletinFigures, 'cutoff' | 'region' | 'byLeague'>,
): latest is ArchivedBulletin & { documentNumber: string } {
  return (
    latest?.documentNumber !== undefined &&
    samePeriod(latest.cutoff, now.cutoff) &&
    // Compared whole: a bulletin archived before a figure existed lacks it, and is not current.
    isDeepStrictEqual(latest.region, now.region) &&
    isDeepStrictEqual(latest.byLeague, now.byLeague)
  );
}

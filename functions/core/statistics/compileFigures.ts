import { LEAGUES_AND_CITIES, type AwardRecord } from '../records/index.js';
import { dateTime } from '../records/fields.js';
import { countFigures } from './countFigures.js';
import { subtractFigures } from './subtractFigures.js';
import type { BulletinFigures, Figures, League } from './Figures.js';

/** A cut-off must name its time zone, as record times do: a bulletin never guesses whose midnight. */
function parseInstant(value: string, name: 'cutoff' | 'since'): Date {
  if (!dateTime().safeParse(value).success) {
    throw new RangeError(
      `${name}: "${value}" is not an ISO 8601 date-time with an offset, e.g. 2020-03-10T08:00:00+08:00`,
    );
  }
  return new Date(value);
}

/**
 * The statistics bulletin's figures as of `cutoff`: the whole region, each 盟市 (all 12, in the
 * official order, zero or not), and the period since the previous bulletin's cut-off `since`.
 * Pass each record once, in its latest version (latestVersions picks them from a history).
 */
export function compileFigures(records: readonly AwardRecord[], cutoff: string, since?: string): BulletinFigures {
  const asOf = parseInstant(cutoff, 'cutoff');
  const after = since === undefined ? undefined : parseInstant(since, 'since');
  if (after !== undefined && after.getTime() >= asOf.getTime()) {
    throw new RangeError(`since (${since}) must be before cutoff (${cutoff}): it is the previous bulletin's cut-off`);
  }
  const region = countFigures(records, asOf);
  const byLeague = Object.fromEntries(
    LEAGUES_AND_CITIES.map((league) => [
      league,
      countFigures(
        records.filter((r) => r.region === league),
        asOf,
      ),
    ]),
  ) as Record<League, Figures>;
  return {
    cutoff,
    since,
    region,
    byLeague,
    // The change since the previous bulletin, as kept counters give it too: additions less revocations.
    period: after === undefined ? region : subtractFigures(region, countFigures(records, after)),
  };
}

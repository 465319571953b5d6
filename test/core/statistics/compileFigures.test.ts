import { describe, expect, it } from 'vitest';
import { LEAGUES_AND_CITIES, validateRecord } from '../../../functions/core/records/index.js';
import { compileFigures, emptyFigures } from '../../../functions/core/statistics/index.js';
import { beijingTime } from './exampleRecords.js';
import { GENERATION_DAYS, GENERATION_START, generateRecords } from './generateRecords.js';
import { recountFigures } from './recountFigures.js';

const DAY = 86_400_000;
const SEEDS = [1, 2, 3, 20200310, 0xbeef];

/** Field-by-field difference of two recounts, written independently of subtractFigures. */
function difference<T>(after: T, before: T): T {
  if (typeof after === 'number') return (after - (before as number)) as T;
  return Object.fromEntries(
    Object.entries(after as object).map(([key, value]) => [
      key,
      difference(value, (before as Record<string, unknown>)[key]),
    ]),
  ) as T;
}

describe('compileFigures on generated records', () => {
  describe.each(SEEDS)('seed %i', (seed) => {
    const records = generateRecords(seed);
    // Mid-campaign cut-offs, one exactly on an approval and one exactly on a delivery (the bounds are inclusive).
    const onApproval = records.find((r) => r.approvedAt !== undefined)!.approvedAt!;
    const onDelivery = records.flatMap((r) => ('deliveries' in r ? r.deliveries : []))[0]!.at;
    const cutoffs = [
      beijingTime(GENERATION_START + 40 * DAY),
      onApproval,
      onDelivery,
      beijingTime(GENERATION_START + GENERATION_DAYS * DAY),
    ];

    it('generates contract records, one version of each', () => {
      for (const record of records.filter((_, i) => i % 10 === 0)) expect(validateRecord(record)).toEqual(record);
      expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    });

    it('generates every case the rules tell apart', () => {
      const cutoff = Date.parse(cutoffs[0]!);
      const at = (iso: string | undefined) => (iso === undefined ? Number.NaN : Date.parse(iso));
      expect(records.some((r) => r.status === 'DRAFT')).toBe(true);
      expect(records.some((r) => r.status === 'SUBMITTED')).toBe(true);
      expect(records.some((r) => r.version === 2)).toBe(true);
      expect(records.some((r) => at(r.approvedAt) > cutoff)).toBe(true);
      expect(records.some((r) => at(r.revokedAt) <= cutoff)).toBe(true);
      expect(records.some((r) => at(r.approvedAt) <= cutoff && at(r.revokedAt) > cutoff)).toBe(true);
    });

    it.each(cutoffs)('matches a plain recount as of %s, for the region and each 盟市', (cutoff) => {
      const figures = compileFigures(records, cutoff);
      expect(figures.region).toEqual(recountFigures(records, cutoff));
      for (const league of LEAGUES_AND_CITIES) {
        expect(figures.byLeague[league], league).toEqual(
          recountFigures(
            records.filter((r) => r.region === league),
            cutoff,
          ),
        );
      }
    });

    // Ten-day periods, and one that starts exactly on an approval (the start is exclusive).
    const periods = [
      ...cutoffs.map((cutoff) => [beijingTime(Date.parse(cutoff) - 10 * DAY), cutoff]),
      [onApproval, cutoffs[3]!],
    ];
    it.each(periods)('gives the change between two plain recounts as the period (%s, %s]', (since, cutoff) => {
      const figures = compileFigures(records, cutoff!, since);
      expect(figures.period).toEqual(difference(recountFigures(records, cutoff!), recountFigures(records, since!)));
      expect(figures.region).toEqual(recountFigures(records, cutoff!));
    });
  });

  it('counts nothing before the first approval', () => {
    expect(compileFigures(generateRecords(1), '2020-01-01T00:00:00+08:00').region).toEqual(emptyFigures());
  });
});

describe('compileFigures', () => {
  it('lists all 12 盟市 in the official order, with zero figures where nothing counts', () => {
    const figures = compileFigures([], '2020-03-10T08:00:00+08:00');
    expect(Object.keys(figures.byLeague)).toEqual([...LEAGUES_AND_CITIES]);
    for (const league of LEAGUES_AND_CITIES) expect(figures.byLeague[league]).toEqual(emptyFigures());
  });

  it('counts 自治区-level records in the region only', () => {
    const records = generateRecords(7).filter((r) => r.region === '自治区');
    const figures = compileFigures(records, '2020-06-01T00:00:00+08:00');
    expect(figures.region).not.toEqual(emptyFigures());
    for (const league of LEAGUES_AND_CITIES) expect(figures.byLeague[league]).toEqual(emptyFigures());
  });

  it('gives the region figures as the period of the first bulletin', () => {
    const figures = compileFigures(generateRecords(5), '2020-03-10T08:00:00+08:00');
    expect(figures.since).toBeUndefined();
    expect(figures.period).toEqual(figures.region);
  });

  it('is the same for the same records and cut-off', () => {
    const compile = () =>
      JSON.stringify(compileFigures(generateRecords(9), '2020-03-10T08:00:00+08:00', '2020-03-01T08:00:00+08:00'));
    expect(compile()).toBe(compile());
  });

  it('refuses a cut-off without a time zone, saying what it wants', () => {
    expect(() => compileFigures([], '2020-03-10')).toThrow(
      /cutoff: "2020-03-10" is not an ISO 8601 date-time with an offset/,
    );
  });

  it('refuses a period that does not end after it starts', () => {
    expect(() => compileFigures([], '2020-03-10T08:00:00+08:00', '2020-03-10T08:00:00+08:00')).toThrow(
      /since .* must be before cutoff/,
    );
  });
});

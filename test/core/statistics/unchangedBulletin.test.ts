import { describe, expect, it } from 'vitest';
import { DocumentEngine } from '../../../functions/core/engine/DocumentEngine.js';
import { REGION_SCOPE } from '../../../functions/core/statistics/changeDelta.js';
import { compileKeptBulletin } from '../../../functions/core/statistics/compileKeptBulletin.js';
import type { Counters } from '../../../functions/core/statistics/counters.js';
import { InMemoryBulletinArchive } from '../../support/InMemoryBulletinArchive.js';
import { InMemoryHeldNumbers } from '../../support/InMemoryHeldNumbers.js';

const AUTHORITY = { name: '内蒙古自治区公安厅', code: '内公奖' };
/** 8 o'clock on 5 March 2020, Beijing time, and later the same day. */
const MORNING = '2020-03-05T00:00:00Z';
const EVENING = '2020-03-05T12:00:00Z';
/** One second before and at midnight in Beijing: the same UTC day, two Beijing days. */
const BEFORE_MIDNIGHT = '2020-03-05T15:59:59Z';
const MIDNIGHT = '2020-03-05T16:00:00Z';

const THREE_MERITS = new Map<string, Partial<Counters>>([[REGION_SCOPE, { meritIndividual: 3 }]]);
/** One more approved, in 包头市. */
const FOUR_MERITS = new Map<string, Partial<Counters>>([
  [REGION_SCOPE, { meritIndividual: 4 }],
  ['包头市', { meritIndividual: 1 }],
]);

/** A deployment in memory whose kept figures the test moves between runs. */
function setup() {
  const numbers = new InMemoryHeldNumbers();
  const archive = new InMemoryBulletinArchive();
  let kept = THREE_MERITS;
  const deps = {
    figures: { read: async () => kept },
    archive,
    engine: DocumentEngine.shared(),
    numbers,
    authority: AUTHORITY,
  };
  const keep = (figures: Map<string, Partial<Counters>>) => {
    kept = figures;
  };
  const counter = () => numbers.awards.counters.get('内公奖#2020');
  return { numbers, archive, deps, keep, counter };
}

describe('compileKeptBulletin spends a 文号 only on news', () => {
  it('compiles none when the figures are those of the latest bulletin of the day, and answers with it', async () => {
    const { numbers, archive, deps, counter } = setup();
    const first = await compileKeptBulletin(MORNING, deps);
    const again = await compileKeptBulletin(EVENING, deps);
    expect(again).toEqual({
      figures: first.figures,
      documentNumber: '内公奖〔2020〕1号',
      compiled: false,
      unchanged: true,
    });
    expect(counter()).toBe(1);
    expect([...numbers.held.keys()]).toEqual(['bulletin/2020-03-05T00:00:00Z']);
    expect(archive.json.size).toBe(1);
  });

  it('compiles a new one, with the next number, when the figures changed since the latest', async () => {
    const { archive, deps, keep, counter } = setup();
    await compileKeptBulletin(MORNING, deps);
    keep(FOUR_MERITS);
    const changed = await compileKeptBulletin(EVENING, deps);
    expect(changed).toMatchObject({ documentNumber: '内公奖〔2020〕2号', compiled: true });
    expect(changed.figures).toMatchObject({ cutoff: EVENING, since: MORNING, period: { merit: { total: 1 } } });
    expect(counter()).toBe(2);
    expect(archive.json.size).toBe(2);
  });

  it('compiles a new one on a new day in Beijing time, the figures unchanged: a day is a period', async () => {
    const { archive, deps, counter } = setup();
    await compileKeptBulletin(BEFORE_MIDNIGHT, deps);
    const nextDay = await compileKeptBulletin(MIDNIGHT, deps);
    expect(nextDay).toMatchObject({ documentNumber: '内公奖〔2020〕2号', compiled: true });
    expect(nextDay.figures).toMatchObject({ since: BEFORE_MIDNIGHT, period: { merit: { total: 0 } } });
    expect(counter()).toBe(2);
    expect(archive.json.size).toBe(2);
  });

  it('compiles the bulletin of a run that took its number and stopped, though the figures are back', async () => {
    const { archive, deps, keep, counter } = setup();
    await compileKeptBulletin(MORNING, deps);
    keep(FOUR_MERITS);
    archive.failingPuts = 1;
    await expect(compileKeptBulletin(EVENING, deps)).rejects.toThrow('the function was stopped');
    // Revoked meanwhile: the figures are the latest bulletin's again, but the number is spent.
    keep(THREE_MERITS);
    const retried = await compileKeptBulletin(EVENING, deps);
    expect(retried).toMatchObject({ documentNumber: '内公奖〔2020〕2号', compiled: true });
    expect(counter()).toBe(2);
    expect(archive.json.size).toBe(2);
  });
});

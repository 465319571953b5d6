import { describe, expect, it } from 'vitest';
import {
  addFigures,
  compileFigures,
  emptyFigures,
  figuresOf,
  subtractFigures,
} from '../../../functions/core/statistics/index.js';
import { generateRecords } from './generateRecords.js';
import { SEED_CUTOFF, seedRecords } from './seedRecords.js';

describe('figuresOf', () => {
  it.each([
    ['generated', generateRecords(11), '2020-03-15T12:00:00+08:00', '2020-03-01T00:00:00+08:00'],
    ['seed', seedRecords(), SEED_CUTOFF, '2020-03-01T00:00:00+08:00'],
  ])(
    'summed over the %s records gives the region figures, and their change the period',
    (_, records, cutoff, since) => {
      const sum = (asOf: string) => records.map((r) => figuresOf(r, new Date(asOf))).reduce(addFigures, emptyFigures());
      const figures = compileFigures(records, cutoff, since);
      expect(sum(cutoff)).toEqual(figures.region);
      expect(subtractFigures(sum(cutoff), sum(since))).toEqual(figures.period);
    },
  );

  it('is zero for a record that does not count', () => {
    const [draft] = generateRecords(3).filter((r) => r.status === 'DRAFT');
    expect(figuresOf(draft!, new Date('2021-01-01T00:00:00+08:00'))).toEqual(emptyFigures());
  });
});

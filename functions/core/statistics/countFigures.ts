import type { AwardRecord } from '../records/index.js';
import { addFigures } from './addFigures.js';
import { emptyFigures } from './emptyFigures.js';
import type { Figures } from './Figures.js';
import { figuresOf } from './recordContribution.js';

/**
 * The figures of `records` as of `asOf`. Pass each record once, in its latest version; from
 * stored awards, pass issuedRecords(awards), which leaves out those whose documents could not be
 * drawn, as the kept counters do.
 */
export function countFigures(records: Iterable<AwardRecord>, asOf: Date): Figures {
  let figures = emptyFigures();
  for (const record of records) figures = addFigures(figures, figuresOf(record, asOf));
  return figures;
}

import { describe, expect, it } from 'vitest';
import { validateRecord } from '../../../functions/core/records/index.js';
import { compileFigures, emptyFigures, summarySentence } from '../../../functions/core/statistics/index.js';
import { SEED_CUTOFF, SEED_SENTENCE, seedRecords } from './seedRecords.js';

describe('summarySentence', () => {
  const records = seedRecords();

  it('builds the seed record set from contract records', () => {
    for (const record of records) expect(validateRecord(record)).toEqual(record);
  });

  it("prints the seed's sentence for records with the seed's totals", () => {
    const { region } = compileFigures(records, SEED_CUTOFF);
    expect(summarySentence(region)).toBe(SEED_SENTENCE);
  });

  it('counts honorary titles beside the sentence', () => {
    expect(compileFigures(records, SEED_CUTOFF).region.honoraryTitle).toEqual({
      total: 1,
      collective: 0,
      individual: 1,
    });
  });

  it('prints zero figures as 0, never leaving one out', () => {
    expect(summarySentence(emptyFigures())).toBe(
      '截至目前，全区各级公安机关先后实施战时记功0个（集体0个、个人0名），嘉奖0个（集体0个、个人0名），' +
        '开展送奖上门（岗）0次，发出嘉奖令0份，慰问电0份，表扬通报0份（表扬集体0个，个人0名）。',
    );
  });

  it('names the subject it is given, e.g. one 盟市', () => {
    const { byLeague } = compileFigures([], SEED_CUTOFF);
    expect(summarySentence(byLeague.兴安盟, '兴安盟各级公安机关')).toMatch(
      /^截至目前，兴安盟各级公安机关先后实施战时记功0个/,
    );
  });
});

import { REGIONS, type AwardRecord } from '../../../functions/core/records/index.js';
import {
  beijingTime,
  collectiveRecipient,
  examples,
  individualRecipient,
  praisedCollective,
  praisedIndividual,
} from './exampleRecords.js';

export const SEED_CUTOFF = '2020-04-01T00:00:00+08:00';

/** The seed's sentence, with the full-width punctuation of an official document (docs/domain.md). */
export const SEED_SENTENCE =
  '截至目前，全区各级公安机关先后实施战时记功225个（集体33个、个人192名），嘉奖1585个（集体190个、个人1395名），' +
  '开展送奖上门（岗）830次，发出嘉奖令40份，慰问电404份，表扬通报111份（表扬集体275个，个人1170名）。';

const MINUTE = 60_000;
const DAY = 1_440 * MINUTE;
const CUTOFF = Date.parse(SEED_CUTOFF);
const FIRST_APPROVAL = Date.parse('2020-01-25T09:00:00+08:00');

function times<T>(n: number, make: (i: number) => T): T[] {
  return Array.from({ length: n }, (_, i) => make(i));
}

/**
 * Records whose figures as of SEED_CUTOFF are exactly the seed's, spread over every region and
 * over two months of approvals, mixed with records that must not count.
 */
export function seedRecords(): AwardRecord[] {
  let sequence = 0;
  // Approved by the cut-off, at least two days before it so that deliveries fall before it too.
  const approved = () => {
    const i = sequence++;
    return {
      id: `seed-${i}`,
      version: 1,
      region: REGIONS[i % REGIONS.length]!,
      status: 'APPROVED',
      approvedAt: beijingTime(FIRST_APPROVAL + ((i * 37) % (60 * 1_440)) * MINUTE),
    } as const;
  };
  const deliveredAt = (approvedAt: string, day: number) => ({
    ...examples.merit.deliveries[0]!,
    at: beijingTime(Date.parse(approvedAt) + day * DAY),
  });

  const merits = [
    ...times(33, () => ({ ...examples.merit, ...approved(), recipient: collectiveRecipient })),
    ...times(192, () => ({ ...examples.merit, ...approved(), recipient: individualRecipient })),
  ];
  const commendations = [
    ...times(190, () => ({ ...examples.commendation, ...approved(), recipient: collectiveRecipient })),
    ...times(1395, () => ({ ...examples.commendation, ...approved(), recipient: individualRecipient })),
  ];
  // 830 deliveries: two for each of the first 400 awards, one for the next 30.
  const awards = [...merits, ...commendations].map((award, i) => ({
    ...award,
    deliveries: times(i < 400 ? 2 : i < 430 ? 1 : 0, (day) => deliveredAt(award.approvedAt, day + 1)),
  }));
  const [revokedLater, ...otherAwards] = awards;
  // 275 = 111 × 2 + 53 collectives, 1170 = 111 × 10 + 60 individuals.
  const bulletins = times(111, (i) => ({
    ...examples.praiseBulletin,
    ...approved(),
    collectives: times(i < 53 ? 3 : 2, () => praisedCollective),
    individuals: times(i < 60 ? 11 : 10, () => praisedIndividual),
  }));

  const notCounted: AwardRecord[] = [
    {
      ...examples.merit,
      ...approved(),
      status: 'REVOKED',
      revokedAt: beijingTime(CUTOFF - DAY),
      revocationReason: '核查不实',
      deliveries: [deliveredAt(beijingTime(CUTOFF - 2 * DAY), 0)],
    },
    { ...examples.commendation, ...approved(), approvedAt: beijingTime(CUTOFF + MINUTE) },
    { ...examples.praiseBulletin, ...approved(), status: 'SUBMITTED', approvedAt: undefined, approvedBy: undefined },
    { ...examples.telegram, ...approved(), status: 'DRAFT', approvedAt: undefined, approvedBy: undefined },
  ];
  return [
    // Revoked after the cut-off: as of the cut-off it still counts.
    { ...revokedLater!, status: 'REVOKED', revokedAt: beijingTime(CUTOFF + DAY), revocationReason: '核查不实' },
    ...otherAwards,
    ...times(40, () => ({ ...examples.commendationOrder, ...approved() })),
    ...times(404, () => ({ ...examples.telegram, ...approved() })),
    ...bulletins,
    // Counted beside the sentence, not in it; its delivery comes after the cut-off.
    { ...examples.honoraryTitle, ...approved(), deliveries: [deliveredAt(SEED_CUTOFF, 1)] },
    ...notCounted,
  ];
}

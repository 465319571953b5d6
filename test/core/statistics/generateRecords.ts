import { MERIT_GRADES, REGIONS, type AwardRecord, type Delivery } from '../../../functions/core/records/index.js';
import {
  beijingTime,
  collectiveRecipient,
  examples,
  individualRecipient,
  praisedCollective,
  praisedIndividual,
} from './exampleRecords.js';
import { SeededRandom } from './seededRandom.js';

const MINUTE = 60_000;
const DAY = 1_440 * MINUTE;
/** Records are approved from here on, over about a hundred days: the span of the seed's campaign. */
export const GENERATION_START = Date.parse('2020-01-20T00:00:00+08:00');
export const GENERATION_DAYS = 100;

/** Status and workflow times; approval fields are cleared on records that were never approved. */
function workflow(random: SeededRandom, approved: number) {
  const roll = random.next();
  const status = roll < 0.1 ? 'DRAFT' : roll < 0.2 ? 'SUBMITTED' : roll < 0.75 ? 'APPROVED' : 'REVOKED';
  const wasApproved = status === 'APPROVED' || status === 'REVOKED';
  return {
    status,
    submittedAt: beijingTime(approved - random.int(3 * DAY)),
    approvedAt: wasApproved ? beijingTime(approved) : undefined,
    approvedBy: wasApproved ? '审核专班' : undefined,
    revokedAt: status === 'REVOKED' ? beijingTime(approved + MINUTE + random.int(30 * DAY)) : undefined,
    revocationReason: status === 'REVOKED' ? '核查不实' : undefined,
  } as const;
}

function deliveries(random: SeededRandom, approved: number): Delivery[] {
  const template = examples.merit.deliveries[0]!;
  return Array.from({ length: random.int(4) }, () => ({
    ...template,
    at: beijingTime(approved + random.int(20 * DAY)),
  }));
}

function generateRecord(random: SeededRandom, id: string): AwardRecord {
  const approved = GENERATION_START + random.int(GENERATION_DAYS * 1_440) * MINUTE;
  const common = { id, version: 1, region: random.pick(REGIONS), ...workflow(random, approved) };
  const award = () => ({
    recipient: random.chance(0.3) ? collectiveRecipient : individualRecipient,
    deliveries: deliveries(random, approved),
  });
  const kind = random.int(6);
  const record: AwardRecord =
    kind === 0
      ? { ...examples.merit, ...common, ...award(), grade: random.pick(MERIT_GRADES) }
      : kind === 1
        ? { ...examples.commendation, ...common, ...award() }
        : kind === 2
          ? { ...examples.honoraryTitle, ...common, ...award() }
          : kind === 3
            ? { ...examples.commendationOrder, ...common }
            : kind === 4
              ? { ...examples.telegram, ...common }
              : {
                  ...examples.praiseBulletin,
                  ...common,
                  collectives: Array.from({ length: random.int(6) }, () => praisedCollective),
                  individuals: Array.from({ length: random.int(12) }, () => praisedIndividual),
                };
  // A correction is a new version of an approved record, keeping its approval; only the latest is passed in.
  const corrected = record.approvedAt !== undefined && random.chance(0.15);
  return corrected
    ? { ...record, version: 2, authority: { ...record.authority, name: `${record.authority.name}（更正）` } }
    : record;
}

/** A deterministic set of `count` records of every kind, status and region, from `seed`. */
export function generateRecords(seed: number, count = 500): AwardRecord[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, (_, i) => generateRecord(random, `gen-${seed}-${i}`));
}

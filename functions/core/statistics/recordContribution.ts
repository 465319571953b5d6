import type { AwardRecord, RecipientAwardRecord } from '../records/index.js';
import { emptyFigures } from './emptyFigures.js';
import type { AwardCount, Figures } from './Figures.js';

/**
 * When the record was approved, if it counts as of `asOf`; undefined if it does not.
 * A revocation after `asOf` does not change what was true then, so a bulletin can be reproduced.
 */
function countedApproval(record: AwardRecord, asOf: number): number | undefined {
  if (record.status !== 'APPROVED' && record.status !== 'REVOKED') return undefined;
  if (record.approvedAt === undefined) return undefined;
  const approved = Date.parse(record.approvedAt);
  if (approved > asOf) return undefined;
  if (record.status === 'REVOKED' && record.revokedAt !== undefined && Date.parse(record.revokedAt) <= asOf) {
    return undefined;
  }
  return approved;
}

function awardCount(record: RecipientAwardRecord, n: number): AwardCount {
  return record.recipient.type === 'collective'
    ? { total: n, collective: n, individual: 0 }
    : { total: n, collective: 0, individual: n };
}

/**
 * The contribution of one record to the figures as of `asOf` (and, with `after`, to the period
 * (after, asOf]): the region's figures are the sum of its records' contributions, so they can
 * also be kept up to date one record at a time.
 */
export function figuresOf(record: AwardRecord, asOf: Date, after?: Date): Figures {
  const end = asOf.getTime();
  const start = after?.getTime() ?? -Infinity;
  const approved = countedApproval(record, end);
  if (approved === undefined) return emptyFigures();
  // The award itself belongs to the period it was approved in; its deliveries to the periods they happened in.
  const n = approved > start ? 1 : 0;
  const figures = emptyFigures();
  switch (record.kind) {
    case 'merit':
    case 'commendation':
    case 'honorary-title': {
      const deliveries = record.deliveries.filter((delivery) => {
        const at = Date.parse(delivery.at);
        return at <= end && at > start;
      }).length;
      const key = record.kind === 'honorary-title' ? 'honoraryTitle' : record.kind;
      return { ...figures, [key]: awardCount(record, n), deliveries };
    }
    case 'commendation-order':
      return { ...figures, commendationOrders: n };
    case 'telegram':
      return { ...figures, telegrams: n };
    case 'praise-bulletin':
      return {
        ...figures,
        praise: { bulletins: n, collectives: n * record.collectives.length, individuals: n * record.individuals.length },
      };
  }
}

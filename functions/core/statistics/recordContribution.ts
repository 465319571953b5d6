import type { AwardRecord, RecipientAwardRecord } from '../records/index.js';
import { emptyFigures } from './emptyFigures.js';
import type { AwardCount, Figures } from './Figures.js';

/**
 * Whether the record counts as of `asOf`: approved by then and not revoked by then. A revocation
 * after `asOf` does not change what was true then, so a bulletin can be reproduced.
 */
function counts(record: AwardRecord, asOf: number): boolean {
  if (record.status !== 'APPROVED' && record.status !== 'REVOKED') return false;
  if (record.approvedAt === undefined || Date.parse(record.approvedAt) > asOf) return false;
  return !(record.status === 'REVOKED' && record.revokedAt !== undefined && Date.parse(record.revokedAt) <= asOf);
}

function awardCount(record: RecipientAwardRecord, n: number): AwardCount {
  return record.recipient.type === 'collective'
    ? { total: n, collective: n, individual: 0 }
    : { total: n, collective: 0, individual: n };
}

/**
 * The contribution of one record to the figures as of `asOf`: the region's figures are the sum
 * of its records' contributions, so they can also be kept up to date one record at a time.
 */
export function figuresOf(record: AwardRecord, asOf: Date): Figures {
  const end = asOf.getTime();
  if (!counts(record, end)) return emptyFigures();
  const figures = emptyFigures();
  switch (record.kind) {
    case 'merit':
    case 'commendation':
    case 'honorary-title': {
      const deliveries = record.deliveries.filter((delivery) => {
        return Date.parse(delivery.at) <= end;
      }).length;
      const key = record.kind === 'honorary-title' ? 'honoraryTitle' : record.kind;
      return { ...figures, [key]: awardCount(record, 1), deliveries };
    }
    case 'commendation-order':
      return { ...figures, commendationOrders: 1 };
    case 'telegram':
      return { ...figures, telegrams: 1 };
    case 'praise-bulletin':
      return {
        ...figures,
        praise: { bulletins: 1, collectives: record.collectives.length, individuals: record.individuals.length },
      };
  }
}

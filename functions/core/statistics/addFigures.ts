import type { AwardCount, Figures } from './Figures.js';

function addAwards(a: AwardCount, b: AwardCount): AwardCount {
  return { total: a.total + b.total, collective: a.collective + b.collective, individual: a.individual + b.individual };
}

/** The figures of two disjoint sets of records taken together. */
export function addFigures(a: Figures, b: Figures): Figures {
  return {
    merit: addAwards(a.merit, b.merit),
    commendation: addAwards(a.commendation, b.commendation),
    honoraryTitle: addAwards(a.honoraryTitle, b.honoraryTitle),
    deliveries: a.deliveries + b.deliveries,
    commendationOrders: a.commendationOrders + b.commendationOrders,
    telegrams: a.telegrams + b.telegrams,
    praise: {
      bulletins: a.praise.bulletins + b.praise.bulletins,
      collectives: a.praise.collectives + b.praise.collectives,
      individuals: a.praise.individuals + b.praise.individuals,
    },
  };
}

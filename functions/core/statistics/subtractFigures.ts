import type { AwardCount, Figures } from './Figures.js';

const minus = (a: AwardCount, b: AwardCount): AwardCount => ({
  total: a.total - b.total,
  collective: a.collective - b.collective,
  individual: a.individual - b.individual,
});

/** The change from `before` to `after`: what was added, less what was revoked. */
export function subtractFigures(after: Figures, before: Figures): Figures {
  return {
    merit: minus(after.merit, before.merit),
    commendation: minus(after.commendation, before.commendation),
    honoraryTitle: minus(after.honoraryTitle, before.honoraryTitle),
    deliveries: after.deliveries - before.deliveries,
    commendationOrders: after.commendationOrders - before.commendationOrders,
    telegrams: after.telegrams - before.telegrams,
    praise: {
      bulletins: after.praise.bulletins - before.praise.bulletins,
      collectives: after.praise.collectives - before.praise.collectives,
      individuals: after.praise.individuals - before.praise.individuals,
    },
  };
}

import type { AwardCount, Figures } from './Figures.js';

const NO_AWARDS: AwardCount = { total: 0, collective: 0, individual: 0 };

/** Figures with every count at zero: a bulletin prints 0, never leaves a figure out. */
export function emptyFigures(): Figures {
  return {
    merit: NO_AWARDS,
    commendation: NO_AWARDS,
    honoraryTitle: NO_AWARDS,
    deliveries: 0,
    commendationOrders: 0,
    telegrams: 0,
    praise: { bulletins: 0, collectives: 0, individuals: 0 },
  };
}

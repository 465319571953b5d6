import type { Figures } from './Figures.js';

/** The figures as flat counters, the form in which they are kept in the awards table. */
export const COUNTER_FIELDS = [
  'meritCollective',
  'meritIndividual',
  'commendationCollective',
  'commendationIndividual',
  'honoraryCollective',
  'honoraryIndividual',
  'deliveries',
  'commendationOrders',
  'telegrams',
  'praiseBulletins',
  'praiseCollectives',
  'praiseIndividuals',
] as const;

export type CounterField = (typeof COUNTER_FIELDS)[number];
export type Counters = Record<CounterField, number>;

export function countersOf(f: Figures): Counters {
  return {
    meritCollective: f.merit.collective,
    meritIndividual: f.merit.individual,
    commendationCollective: f.commendation.collective,
    commendationIndividual: f.commendation.individual,
    honoraryCollective: f.honoraryTitle.collective,
    honoraryIndividual: f.honoraryTitle.individual,
    deliveries: f.deliveries,
    commendationOrders: f.commendationOrders,
    telegrams: f.telegrams,
    praiseBulletins: f.praise.bulletins,
    praiseCollectives: f.praise.collectives,
    praiseIndividuals: f.praise.individuals,
  };
}

/** Figures from stored counters; a counter never written is zero. */
export function figuresOfCounters(c: Partial<Counters>): Figures {
  const n = (field: CounterField) => c[field] ?? 0;
  const count = (collective: CounterField, individual: CounterField) => ({
    total: n(collective) + n(individual),
    collective: n(collective),
    individual: n(individual),
  });
  return {
    merit: count('meritCollective', 'meritIndividual'),
    commendation: count('commendationCollective', 'commendationIndividual'),
    honoraryTitle: count('honoraryCollective', 'honoraryIndividual'),
    deliveries: n('deliveries'),
    commendationOrders: n('commendationOrders'),
    telegrams: n('telegrams'),
    praise: {
      bulletins: n('praiseBulletins'),
      collectives: n('praiseCollectives'),
      individuals: n('praiseIndividuals'),
    },
  };
}

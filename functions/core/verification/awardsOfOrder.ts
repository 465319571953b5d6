import type { Awardee } from '../records/index.js';

/**
 * A commendation order's awards, counted in the order it names them: 个人一等功1名、集体二等功1个、
 * 嘉奖2名. Names and units stay off the page; an awardee's award raised on a copy still shows.
 */
export function awardsOfOrder(awardees: readonly Pick<Awardee, 'award'>[]): string {
  const counts = new Map<string, number>();
  for (const { award } of awardees) {
    const name = award.trim();
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  // Collectives are counted in 个, people in 名.
  return [...counts].map(([name, n]) => `${name}${n}${name.startsWith('集体') ? '个' : '名'}`).join('、');
}

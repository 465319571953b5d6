import type { AwardCount, Figures } from './Figures.js';

/** 集体 are counted in 个, people in 名; the seed joins the two with 、 inside an award's brackets. */
function awardClause(name: string, award: AwardCount): string {
  return `${name}${award.total}个（集体${award.collective}个、个人${award.individual}名）`;
}

/**
 * The seed's statistics sentence, with the full-width punctuation of an official document
 * (docs/domain.md, "The statistics bulletin"). Honorary titles are not part of it.
 */
export function summarySentence(figures: Figures, subject = '全区各级公安机关'): string {
  const { praise } = figures;
  return (
    `截至目前，${subject}先后实施${awardClause('战时记功', figures.merit)}，` +
    `${awardClause('嘉奖', figures.commendation)}，` +
    `开展送奖上门（岗）${figures.deliveries}次，` +
    `发出嘉奖令${figures.commendationOrders}份，` +
    `慰问电${figures.telegrams}份，` +
    `表扬通报${praise.bulletins}份（表扬集体${praise.collectives}个，个人${praise.individuals}名）。`
  );
}

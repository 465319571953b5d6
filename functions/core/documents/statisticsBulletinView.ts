import { beijingTime } from '../engine/templates/chineseDates.js';
import type { VerificationMark } from '../verification/VerificationMark.js';
import { bulletinName } from '../statistics/bulletinName.js';
import { summarySentence } from '../statistics/summarySentence.js';
import type { BulletinFigures, Figures, League } from '../statistics/Figures.js';

/** 2020年3月5日8时, in Beijing time: when the figures stand. */
function cutoffText(iso: string): string {
  const { year, month, day, hour, minute } = beijingTime(iso);
  return `${year}年${month}月${day}日${hour}时${minute === 0 ? '' : `${minute}分`}`;
}

/** 增加3个 / 减少1个 / 持平: a period's change in words, revocations included. */
function change(n: number, unit: string): string {
  return n > 0 ? `增加${n}${unit}` : n < 0 ? `减少${-n}${unit}` : '持平';
}

function periodSentence(figures: BulletinFigures): string {
  const p = figures.period;
  if (figures.since === undefined) return '本期为首期统计通报。';
  return (
    `与${cutoffText(figures.since)}相比，战时记功${change(p.merit.total, '个')}，` +
    `嘉奖${change(p.commendation.total, '个')}，荣誉称号${change(p.honoraryTitle.total, '个')}，` +
    `送奖上门（岗）${change(p.deliveries, '次')}，嘉奖令${change(p.commendationOrders, '份')}，` +
    `慰问电${change(p.telegrams, '份')}，表扬通报${change(p.praise.bulletins, '份')}。`
  );
}

const row = (name: string, f: Figures) => ({
  name,
  merit: f.merit.total,
  commendation: f.commendation.total,
  deliveries: f.deliveries,
  orders: f.commendationOrders,
  telegrams: f.telegrams,
  praise: f.praise.bulletins,
});

/**
 * What `templates/statistics-bulletin.hbs` prints: its 文号 under the red mark, the cut-off, the
 * seed's sentence, a table and a chart by 盟市. Without a number (a bulletin made from files,
 * outside the table's sequences) the 文号 line stays empty; without a verification mark, no QR code.
 */
export function statisticsBulletinView(
  figures: BulletinFigures,
  authority: { name: string; sealText?: string },
  documentNumber?: string,
  verification?: VerificationMark,
) {
  const leagues = Object.entries(figures.byLeague) as [League, Figures][];
  const text = cutoffText(figures.cutoff);
  return {
    metadata: {
      title: `战时表彰奖励统计通报（截至${text}）`,
      // The cut-off dates the document, so compiling it again gives the same bytes.
      date: figures.cutoff,
      identity: bulletinName(figures.cutoff),
    },
    authority: authority.name,
    words: [authority.name],
    sealText: authority.sealText ?? authority.name,
    cutoffText: text,
    documentNumber: documentNumber ?? '',
    verification,
    title: `${authority.name}关于全区公安机关战时表彰奖励工作情况的通报`,
    addressee: '各盟市公安局，厅机关各部门：',
    cutoffSentence: `现将截至${text}全区公安机关战时表彰奖励工作情况通报如下。`,
    summary: summarySentence(figures.region),
    honoraryTitles:
      `另授予（追授）荣誉称号${figures.region.honoraryTitle.total}个` +
      `（集体${figures.region.honoraryTitle.collective}个、个人${figures.region.honoraryTitle.individual}名）。`,
    periodSentence: periodSentence(figures),
    rows: [...leagues.map(([name, f]) => row(name, f)), row('全区合计', figures.region)],
    chart: leagues.map(([label, f]) => ({ label, value: f.merit.total + f.commendation.total })),
  };
}

import type { Colophon } from '../records/colophonSchema.js';

/**
 * What the 版记 prints (GB/T 9704 §7.4): 抄送 bodies separated by "，" and ended with "。", the
 * 印发机关, and the 印发日期 in Arabic numerals followed by 印发; undefined when the record has none.
 */
export function colophonView(colophon: Colophon | undefined) {
  if (!colophon) return undefined;
  const [year, month, day] = (colophon.printedOn ?? '').split('-').map(Number);
  const view = {
    copyTo: colophon.copyTo.length > 0 ? `${colophon.copyTo.join('，')}。` : '',
    printedBy: colophon.printedBy ?? '',
    printedOn: colophon.printedOn ? `${year}年${month}月${day}日印发` : '',
  };
  return view.copyTo || view.printedBy || view.printedOn ? view : undefined;
}

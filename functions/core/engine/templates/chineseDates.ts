/**
 * Dates as award documents print them, in the issuing authority's time zone (Beijing time,
 * UTC+8, no daylight saving) whatever offset the record's timestamp was written with.
 */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const DIGITS = '〇一二三四五六七八九';

/** The calendar fields of an instant in Beijing time: what every printed date and 文号 year reads. */
export function beijingTime(iso: string): { year: number; month: number; day: number; hour: number; minute: number } {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new RangeError(`"${iso}" is not an ISO 8601 date-time`);
  const local = new Date(time + BEIJING_OFFSET_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

/** 1–99 in Chinese numerals as dates write them: 10 → 十, 12 → 十二, 20 → 二十, 31 → 三十一. */
function chineseNumber(value: number): string {
  const tens = Math.floor(value / 10);
  const units = value % 10;
  const tensText = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return tensText + (units === 0 && tens > 0 ? '' : DIGITS[units]!);
}

/** Certificates: 二〇二〇年二月五日, the year digit by digit with 〇 (U+3007). */
export function chineseDate(iso: string): string {
  const { year, month, day } = beijingTime(iso);
  const yearText = [...String(year)].map((digit) => DIGITS[Number(digit)]).join('');
  return `${yearText}年${chineseNumber(month)}月${chineseNumber(day)}日`;
}

/** Official documents since GB/T 9704-2012: 2020年2月5日, no zero padding. */
export function arabicDate(iso: string): string {
  const { year, month, day } = beijingTime(iso);
  return `${year}年${month}月${day}日`;
}

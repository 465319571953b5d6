/** Brackets clerks type around a 文号's year: half- and full-width, square, lenticular, tortoise-shell. */
const OPENING = /[([（［【〖〔]/g;
const CLOSING = /[)\]）］】〗〕]/g;

/**
 * A search as a 文号 is stored: the year between 〔 〕, as the documents print it, so that
 * 内公奖(2020)1号, 内公奖[2020]1号 and 内公奖〔2020〕1号 find the same order. Only the 文号 is
 * searched with it: a name or title keeps the brackets it was written with.
 */
export function documentNumberQuery(q: string): string {
  return q.replace(OPENING, '〔').replace(CLOSING, '〕');
}

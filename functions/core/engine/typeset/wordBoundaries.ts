import type { BreakUnit } from './shapeText.js';

/**
 * ICU's dictionary segmenter: it knows common words (关于, 工作, 领导) but splits many of the
 * domain's (内/蒙古, 公安/厅, 区分/局), so the document's own words are laid over it.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Offsets (UTF-16, in `text`) between words, where a title or a wrapped name may break
 * (GB/T 9704 §7.3.3, 词意完整): the segmenter's boundaries, less any that fall inside an
 * occurrence of one of `words` — terms of the domain and the record's own names and units.
 */
export function wordBoundaries(text: string, words: readonly string[]): Set<number> {
  const boundaries = new Set<number>();
  for (const { index } of segmenter.segment(text)) if (index > 0) boundaries.add(index);
  // A known word's edges are boundaries, its inside is not, even where a shorter word ends
  // (公安局 inside a unit named …市公安局海拉尔区分局).
  const inside = new Set<number>();
  for (const word of words) {
    if (word.length < 2) continue;
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      boundaries.add(at);
      boundaries.add(at + word.length);
      for (let offset = at + 1; offset < at + word.length; offset++) inside.add(offset);
    }
  }
  for (const offset of inside) boundaries.delete(offset);
  boundaries.delete(0);
  boundaries.delete(text.length);
  return boundaries;
}

/**
 * Joins break units that lie inside one word, so a line breaker working on the result breaks
 * only between words (a unit name in a table cell). A word wider than a line is still cut by
 * the breaker, at characters, as any overwide unit is.
 */
export function wordUnits(units: readonly BreakUnit[], words: readonly string[]): BreakUnit[] {
  const text = units.map((unit) => unit.glyphs.map((glyph) => glyph.char).join('')).join('');
  const between = wordBoundaries(text, words);
  const merged: BreakUnit[] = [];
  let offset = 0;
  let joinNext = false;
  for (const unit of units) {
    const previous = merged.at(-1);
    if (joinNext && previous && !unit.isSpace && !unit.isNewline)
      merged[merged.length - 1] = { ...previous, glyphs: [...previous.glyphs, ...unit.glyphs] };
    else merged.push(unit);
    offset += unit.glyphs.reduce((length, glyph) => length + glyph.char.length, 0);
    joinNext = !unit.isSpace && !unit.isNewline && !between.has(offset);
  }
  return merged;
}

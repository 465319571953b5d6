import type { BreakUnit } from './shapeText.js';
import type { Vocabulary } from './Vocabulary.js';

/**
 * Joins break units that lie inside one word, so a line breaker working on the result breaks
 * only between words (a unit name in a table cell). A word wider than a line is still cut by
 * the breaker, at characters, as any overwide unit is.
 */
export function wordUnits(units: readonly BreakUnit[], vocabulary: Vocabulary, maxLength: number): BreakUnit[] {
  const text = units.map((unit) => unit.glyphs.map((glyph) => glyph.char).join('')).join('');
  const between = vocabulary.boundaries(text, { dictionary: false, maxLength });
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

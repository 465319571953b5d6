import { breakLines, type BrokenLine, naturalWidth } from './breakLines.js';
import { PREFERRED_TITLE_BREAKS_AFTER } from './cjkRules.js';
import type { BreakUnit, ShapedGlyph } from './shapeText.js';

const cells = (glyphs: readonly ShapedGlyph[]) => glyphs.reduce((sum, glyph) => sum + glyph.cells, 0);

/**
 * Breaks a document title (GB/T 9704 §7.3.3): lines of at most `maxChars` characters that form
 * a trapezoid or a diamond, never a rectangle; breaks preferably after 关于, 、 or 》, never inside
 * 《…》 (nor inside a unit, so never between a number and its unit).
 */
export function balanceTitle(units: readonly BreakUnit[], maxChars: number, width: number): BrokenLine[] {
  const all = units.flatMap((unit) => unit.glyphs);
  const fits = (glyphs: readonly ShapedGlyph[]) => cells(glyphs) <= maxChars && naturalWidth(glyphs) <= width + 0.01;
  if (fits(all)) return [{ glyphs: all, compressions: [], isLast: true }];

  // Legal breaks: unit boundaries outside 《…》.
  const boundaries: { index: number; preferred: boolean }[] = [];
  let depth = 0;
  let text = '';
  units.forEach((unit, index) => {
    for (const glyph of unit.glyphs) {
      if (glyph.char === '《') depth++;
      if (glyph.char === '》') depth--;
      text += glyph.char;
    }
    if (index < units.length - 1 && depth === 0) {
      boundaries.push({ index: index + 1, preferred: PREFERRED_TITLE_BREAKS_AFTER.some((mark) => text.endsWith(mark)) });
    }
  });

  let best: { cost: number; breaks: number[] } | undefined;
  const lineGlyphs = (from: number, to: number) => units.slice(from, to).flatMap((unit) => unit.glyphs);
  const score = (breaks: number[]) => {
    const edges = [0, ...breaks, units.length];
    const lines = edges.slice(1).map((end, i) => lineGlyphs(edges[i]!, end));
    if (!lines.every(fits)) return undefined;
    const lengths = lines.map(cells);
    const rectangle = lengths.every((length) => length === lengths[0]);
    const increasing = lengths.every((length, i) => i === 0 || length > lengths[i - 1]!);
    const decreasing = lengths.every((length, i) => i === 0 || length < lengths[i - 1]!);
    const peak = lengths.indexOf(Math.max(...lengths));
    const diamond = lengths.every((length, i) => (i <= peak ? i === 0 || length > lengths[i - 1]! : length < lengths[i - 1]!));
    const shaped = increasing || decreasing || diamond;
    const preferred = breaks.filter((b) => boundaries.find((x) => x.index === b)?.preferred).length;
    return (rectangle ? 1000 : 0) + (shaped ? 0 : 20) - preferred * 10 + (Math.max(...lengths) - Math.min(...lengths));
  };
  const search = (from: number, remaining: number, breaks: number[]) => {
    if (remaining === 0) {
      const cost = score(breaks);
      if (cost !== undefined && (!best || cost < best.cost)) best = { cost, breaks: [...breaks] };
      return;
    }
    for (const boundary of boundaries) {
      if (boundary.index > from) search(boundary.index, remaining - 1, [...breaks, boundary.index]);
    }
  };
  const minimumLines = Math.ceil(cells(all) / maxChars);
  for (let lineCount = minimumLines; lineCount <= minimumLines + 2 && !best; lineCount++) {
    search(0, lineCount - 1, []);
  }
  if (!best) return breakLines(units, () => width);
  const edges = [0, ...best.breaks, units.length];
  return edges.slice(1).map((end, i) => ({ glyphs: lineGlyphs(edges[i]!, end), compressions: [], isLast: true }));
}

import { breakLines, type BrokenLine, naturalWidth } from './breakLines.js';
import { PREFERRED_TITLE_BREAKS_AFTER } from './cjkRules.js';
import type { BreakUnit, ShapedGlyph } from './shapeText.js';

const cells = (glyphs: readonly ShapedGlyph[]) => glyphs.reduce((sum, glyph) => sum + glyph.cells, 0);

/** Titles longer than this many lines are broken first-fit: a balanced search would not pay off. */
const MAX_BALANCED_LINES = 4;
/** How far (in characters) from an even split a balanced break may fall. */
const WINDOW = 6;
const RECTANGLE = 1000;

interface Boundary {
  /** Units before the break. */
  readonly index: number;
  /** Characters before the break. */
  readonly cells: number;
  readonly preferred: boolean;
}

/** Places a title may break: between units, outside 《…》, preferably after 关于, 、 or 》. */
function titleBoundaries(units: readonly BreakUnit[]): Boundary[] {
  const boundaries: Boundary[] = [];
  let depth = 0;
  let text = '';
  let count = 0;
  units.forEach((unit, index) => {
    for (const glyph of unit.glyphs) {
      if (glyph.char === '《') depth++;
      if (glyph.char === '》') depth--;
      text += glyph.char;
      count += glyph.cells;
    }
    if (index < units.length - 1 && depth === 0) {
      boundaries.push({
        index: index + 1,
        cells: count,
        preferred: PREFERRED_TITLE_BREAKS_AFTER.some((mark) => text.endsWith(mark)),
      });
    }
  });
  return boundaries;
}

/** Lower is better: a rectangle is all but forbidden, a trapezoid or diamond preferred, semantic breaks rewarded. */
function shapeCost(lengths: readonly number[], preferredBreaks: number): number {
  const rectangle = lengths.every((length) => length === lengths[0]);
  const increasing = lengths.every((length, i) => i === 0 || length > lengths[i - 1]!);
  const decreasing = lengths.every((length, i) => i === 0 || length < lengths[i - 1]!);
  const peak = lengths.indexOf(Math.max(...lengths));
  const diamond = lengths.every((length, i) =>
    i <= peak ? i === 0 || length > lengths[i - 1]! : length < lengths[i - 1]!,
  );
  return (
    (rectangle ? RECTANGLE : 0) +
    (increasing || decreasing || diamond ? 0 : 20) -
    preferredBreaks * 10 +
    (Math.max(...lengths) - Math.min(...lengths))
  );
}

/**
 * Breaks a document title (GB/T 9704 §7.3.3): lines of at most `maxChars` characters that form
 * a trapezoid or a diamond, never a rectangle; breaks preferably after 关于, 、 or 》, never inside
 * 《…》 (nor inside a unit, so never between a number and its unit).
 */
export function balanceTitle(units: readonly BreakUnit[], maxChars: number, width: number): BrokenLine[] {
  const all = units.flatMap((unit) => unit.glyphs);
  const fits = (glyphs: readonly ShapedGlyph[]) => cells(glyphs) <= maxChars && naturalWidth(glyphs) <= width + 0.01;
  if (fits(all)) return [{ glyphs: all, compressions: [], isLast: true }];

  const boundaries = titleBoundaries(units);
  const total = cells(all);
  const lineOf = (from: number, to: number) => units.slice(from, to).flatMap((unit) => unit.glyphs);
  let best: { cost: number; breaks: Boundary[] } | undefined;

  // Each break is searched only near the even split, which keeps the search small.
  const search = (lineCount: number, chosen: Boundary[]) => {
    const k = chosen.length + 1;
    if (k === lineCount) {
      const edges = [0, ...chosen.map((b) => b.index), units.length];
      const lines = edges.slice(1).map((end, i) => lineOf(edges[i]!, end));
      if (!lines.every(fits)) return;
      const cost = shapeCost(lines.map(cells), chosen.filter((b) => b.preferred).length);
      if (!best || cost < best.cost) best = { cost, breaks: [...chosen] };
      return;
    }
    const ideal = (total * k) / lineCount;
    const after = chosen.at(-1)?.index ?? 0;
    for (const boundary of boundaries) {
      if (boundary.index > after && Math.abs(boundary.cells - ideal) <= WINDOW)
        search(lineCount, [...chosen, boundary]);
    }
  };
  for (let lineCount = Math.ceil(total / maxChars); lineCount <= MAX_BALANCED_LINES; lineCount++) {
    search(lineCount, []);
    if (best && best.cost < RECTANGLE) break;
  }
  if (best && best.cost < RECTANGLE) {
    const edges = [0, ...best.breaks.map((b) => b.index), units.length];
    return edges.slice(1).map((end, i) => ({ glyphs: lineOf(edges[i]!, end), compressions: [], isLast: true }));
  }
  // A very long title: first fit, its first line a character short so the block is no rectangle.
  const charWidth = all[0]?.size ?? 0;
  const lineWidth = Math.min(width, maxChars * charWidth);
  return breakLines(units, (index) => (index === 0 ? lineWidth - charWidth : lineWidth)).map((line) => ({
    ...line,
    isLast: true,
  }));
}

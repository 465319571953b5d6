import { breakLines, type BrokenLine, naturalWidth } from './breakLines.js';
import { PREFERRED_TITLE_BREAKS_AFTER, TITLE_AVOID_LINE_END, TITLE_NO_LINE_START } from './cjkRules.js';
import type { BreakUnit, ShapedGlyph } from './shapeText.js';
import { NO_WORDS, type Vocabulary, type WordBoundaries } from './Vocabulary.js';

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
  /** 1 after 关于, 、 or 》; -1 after 和, 及 or 与; else 0. */
  readonly preference: number;
}

/**
 * Places a title may break: between units, outside 《…》, and — when `between` is given — only
 * at those offsets (between words), never before 的, 和, 及 or 与; preferably after 关于, 、 or 》,
 * and after 和, 及 or 与 rather not.
 */
function titleBoundaries(units: readonly BreakUnit[], between: WordBoundaries | undefined): Boundary[] {
  const text = units.map((unit) => unit.glyphs.map((glyph) => glyph.char).join('')).join('');
  const boundaries: Boundary[] = [];
  let depth = 0;
  let offset = 0;
  let count = 0;
  units.forEach((unit, index) => {
    for (const glyph of unit.glyphs) {
      if (glyph.char === '《') depth++;
      if (glyph.char === '》') depth--;
      offset += glyph.char.length;
      count += glyph.cells;
    }
    const before = text.slice(0, offset);
    const after = text.slice(offset);
    if (
      index < units.length - 1 &&
      depth === 0 &&
      (between === undefined || between.has(offset)) &&
      !TITLE_NO_LINE_START.some((particle) => after.startsWith(particle))
    ) {
      const preference = PREFERRED_TITLE_BREAKS_AFTER.some((mark) => before.endsWith(mark))
        ? 1
        : TITLE_AVOID_LINE_END.some((particle) => before.endsWith(particle))
          ? -1
          : 0;
      boundaries.push({ index: index + 1, cells: count, preference });
    }
  });
  return boundaries;
}

/** Lower is better: a rectangle is all but forbidden, a trapezoid or diamond preferred, semantic breaks rewarded. */
function shapeCost(lengths: readonly number[], preference: number): number {
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
    preference * 10 +
    (Math.max(...lengths) - Math.min(...lengths))
  );
}

/** The best balanced breaking at these boundaries in at most MAX_BALANCED_LINES lines, if one fits. */
function balancedBreaks(
  units: readonly BreakUnit[],
  boundaries: readonly Boundary[],
  fits: (glyphs: readonly ShapedGlyph[]) => boolean,
  minLines: number,
): BrokenLine[] | undefined {
  const total = cells(units.flatMap((unit) => unit.glyphs));
  const lineOf = (from: number, to: number) => units.slice(from, to).flatMap((unit) => unit.glyphs);
  let best: { cost: number; breaks: Boundary[] } | undefined;

  // Each break is searched only near the even split, which keeps the search small.
  const search = (lineCount: number, chosen: Boundary[]) => {
    const k = chosen.length + 1;
    if (k === lineCount) {
      const edges = [0, ...chosen.map((b) => b.index), units.length];
      const lines = edges.slice(1).map((end, i) => lineOf(edges[i]!, end));
      if (!lines.every(fits)) return;
      const cost = shapeCost(
        lines.map(cells),
        chosen.reduce((sum, b) => sum + b.preference, 0),
      );
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
  for (let lineCount = Math.max(2, minLines); lineCount <= MAX_BALANCED_LINES; lineCount++) {
    search(lineCount, []);
    if (best && best.cost < RECTANGLE) break;
  }
  if (!best || best.cost >= RECTANGLE) return undefined;
  const edges = [0, ...best.breaks.map((b) => b.index), units.length];
  return edges.slice(1).map((end, i) => ({ glyphs: lineOf(edges[i]!, end), compressions: [], isLast: true }));
}

/**
 * Breaks a document title (GB/T 9704 §7.3.3): lines of at most `maxChars` characters that form
 * a trapezoid or a diamond, never a rectangle, broken between words (词意完整) — the
 * segmenter's and the vocabulary's, the domain's terms and the record's names — preferably after 关于, 、
 * or 》, never inside 《…》 (nor inside a unit, so never between a number and its unit), no line
 * starting with 的, 和, 及 or 与. Only when no such breaking exists does a break fall inside a word.
 */
export function balanceTitle(
  units: readonly BreakUnit[],
  maxChars: number,
  width: number,
  vocabulary: Vocabulary = NO_WORDS,
): BrokenLine[] {
  const all = units.flatMap((unit) => unit.glyphs);
  const fits = (glyphs: readonly ShapedGlyph[]) => cells(glyphs) <= maxChars && naturalWidth(glyphs) <= width + 0.01;
  if (fits(all)) return [{ glyphs: all, compressions: [], isLast: true }];

  const text = all.map((glyph) => glyph.char).join('');
  const charWidth = all[0]?.size ?? 0;
  // A word longer than a line cannot be kept whole; it is left to the segmenter.
  const lineChars = Math.min(maxChars, Math.floor(width / Math.max(charWidth, 1)));
  const between = vocabulary.boundaries(text, { dictionary: true, maxLength: lineChars });
  const minLines = Math.ceil(cells(all) / lineChars);
  const balanced =
    balancedBreaks(units, titleBoundaries(units, between), fits, minLines) ??
    balancedBreaks(units, titleBoundaries(units, undefined), fits, minLines);
  if (balanced) return balanced;
  // A very long title: first fit, its first line a character short so the block is no rectangle.
  const lineWidth = Math.min(width, maxChars * charWidth);
  return breakLines(units, (index) => (index === 0 ? lineWidth - charWidth : lineWidth)).map((line) => ({
    ...line,
    isLast: true,
  }));
}

import type { BreakUnit, ShapedGlyph } from './shapeText.js';

/** A squeezed blank half of a punctuation mark. */
export interface Compression {
  readonly glyph: ShapedGlyph;
  readonly side: 'left' | 'right';
  readonly amount: number;
}

export interface BrokenLine {
  readonly glyphs: readonly ShapedGlyph[];
  /** Compressions applied to make the line fit, in the order they were chosen. */
  readonly compressions: readonly Compression[];
  /** Last line of a paragraph or before a forced break: not justified. */
  readonly isLast: boolean;
}

const EPSILON = 0.01;

/**
 * Natural width of glyphs set on one line: the first glyph's gap falls away at the line start,
 * and the last glyph's tracking at its end (letter-spacing goes between characters).
 */
export function naturalWidth(glyphs: readonly ShapedGlyph[]): number {
  let width = 0;
  glyphs.forEach((glyph, index) => {
    width += glyph.advance + (index === 0 ? 0 : glyph.gapBefore);
  });
  return width - (glyphs.at(-1)?.tracking ?? 0);
}

/**
 * Blank halves that may be squeezed if the line ends after these glyphs, most preferred first:
 * the mark at the line end, then adjacent pairs of marks from the end backwards (clreq §3.1.6).
 */
export function compressionCandidates(glyphs: readonly ShapedGlyph[]): Compression[] {
  const candidates: Compression[] = [];
  const last = glyphs.at(-1);
  if (last && last.blankRight > 0) candidates.push({ glyph: last, side: 'right', amount: last.blankRight });
  for (let i = glyphs.length - 2; i >= 0; i--) {
    const mark = glyphs[i]!;
    const next = glyphs[i + 1]!;
    if (mark.blankRight > 0 && (next.blankLeft > 0 || next.blankRight > 0)) {
      candidates.push({ glyph: mark, side: 'right', amount: mark.blankRight });
    } else if (next.blankLeft > 0 && (mark.blankLeft > 0 || mark.blankRight > 0)) {
      candidates.push({ glyph: next, side: 'left', amount: next.blankLeft });
    }
  }
  return candidates;
}

function squeezable(glyphs: readonly ShapedGlyph[]): number {
  return compressionCandidates(glyphs).reduce((sum, c) => sum + c.amount, 0);
}

function trimSpaces(units: readonly BreakUnit[]): BreakUnit[] {
  let start = 0;
  let end = units.length;
  while (start < end && units[start]!.isSpace) start++;
  while (end > start && units[end - 1]!.isSpace) end--;
  return units.slice(start, end);
}

/** The glyphs a line of these units draws: spaces inside it count, spaces at its ends fall away. */
const lineGlyphs = (units: readonly BreakUnit[]) => trimSpaces(units).flatMap((unit) => unit.glyphs);

function makeLine(units: readonly BreakUnit[], width: number, isLast: boolean): BrokenLine {
  const glyphs = lineGlyphs(units);
  let excess = naturalWidth(glyphs) - width;
  const compressions: Compression[] = [];
  for (const candidate of compressionCandidates(glyphs)) {
    if (excess <= EPSILON) break;
    compressions.push(candidate);
    excess -= candidate.amount;
  }
  return { glyphs, compressions, isLast };
}

const fits = (glyphs: readonly ShapedGlyph[], width: number) => naturalWidth(glyphs) - squeezable(glyphs) <= width + EPSILON;

/**
 * A unit wider than a whole line (a long number, a URL) is the one place a break may fall
 * inside a unit: it is cut after as many characters as fit, at least one.
 */
function splitOverwide(unit: BreakUnit, width: number): [BreakUnit, BreakUnit] {
  let take = 1;
  while (take < unit.glyphs.length - 1 && fits(unit.glyphs.slice(0, take + 1), width)) take++;
  return [
    { ...unit, glyphs: unit.glyphs.slice(0, take) },
    { ...unit, glyphs: unit.glyphs.slice(take) },
  ];
}

/**
 * Stage "break lines": first fit. A line takes units while they fit, counting the punctuation
 * that could be squeezed, so a mark that may not start a line is pulled in by compression
 * before anything is pushed to the next line. Breaks fall only between units, so the
 * prohibition rules hold by construction.
 *
 * @param widthOf available width of the n-th line (the first line may be indented)
 */
export function breakLines(units: readonly BreakUnit[], widthOf: (lineIndex: number) => number): BrokenLine[] {
  const queue = [...units];
  const lines: BrokenLine[] = [];
  let start = 0;
  while (start < queue.length) {
    while (start < queue.length && queue[start]!.isSpace) start++;
    if (start >= queue.length) break;
    const width = widthOf(lines.length);
    let end = start;
    let forced = false;
    while (end < queue.length) {
      const unit = queue[end]!;
      if (unit.isNewline) {
        forced = true;
        break;
      }
      if (!unit.isSpace && !fits(lineGlyphs(queue.slice(start, end + 1)), width)) {
        if (end > start) break;
        if (unit.glyphs.length > 1) queue.splice(end, 1, ...splitOverwide(unit, width));
      }
      end++;
    }
    const isLast = forced || end >= queue.length;
    lines.push(makeLine(queue.slice(start, end), width, isLast));
    start = forced ? end + 1 : end;
  }
  return lines;
}

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
  if (glyphs.length === 0) return 0;
  let width = glyphs[0]!.advance;
  for (let index = 1; index < glyphs.length; index++) width += glyphs[index]!.advance + glyphs[index]!.gapBefore;
  return width - glyphs[glyphs.length - 1]!.tracking;
}

/** The blank half squeezed out of an adjacent pair of marks, if any (clreq §3.1.6). */
function pairCompression(mark: ShapedGlyph, next: ShapedGlyph): Compression | undefined {
  if (mark.blankRight > 0 && (next.blankLeft > 0 || next.blankRight > 0))
    return { glyph: mark, side: 'right', amount: mark.blankRight };
  if (next.blankLeft > 0 && (mark.blankLeft > 0 || mark.blankRight > 0))
    return { glyph: next, side: 'left', amount: next.blankLeft };
  return undefined;
}

/**
 * Blank halves that may be squeezed if the line ends after these glyphs, most preferred first:
 * the mark at the line end, then adjacent pairs of marks from the end backwards.
 */
export function compressionCandidates(glyphs: readonly ShapedGlyph[]): Compression[] {
  const candidates: Compression[] = [];
  const last = glyphs.at(-1);
  if (last && last.blankRight > 0) candidates.push({ glyph: last, side: 'right', amount: last.blankRight });
  for (let i = glyphs.length - 2; i >= 0; i--) {
    const pair = pairCompression(glyphs[i]!, glyphs[i + 1]!);
    if (pair) candidates.push(pair);
  }
  return candidates;
}

/**
 * A line being filled, measured as glyphs are added, so first fit costs one pass over the text:
 * `width` is the natural width before the last glyph's tracking falls away, `pairs` what
 * adjacent marks could give back.
 */
interface LineMeasure {
  readonly width: number;
  readonly pairs: number;
  readonly last: ShapedGlyph | undefined;
}

const EMPTY_LINE: LineMeasure = { width: 0, pairs: 0, last: undefined };

function extend(line: LineMeasure, glyphs: readonly ShapedGlyph[]): LineMeasure {
  let { width, pairs, last } = line;
  for (const glyph of glyphs) {
    width += glyph.advance + (last ? glyph.gapBefore : 0);
    if (last) pairs += pairCompression(last, glyph)?.amount ?? 0;
    last = glyph;
  }
  return { width, pairs, last };
}

/** Whether the line fits once everything it could squeeze is squeezed. */
function fitsWithin(line: LineMeasure, width: number): boolean {
  const natural = line.width - (line.last?.tracking ?? 0);
  return natural - line.pairs - (line.last?.blankRight ?? 0) <= width + EPSILON;
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

/**
 * A unit wider than a whole line (a long number, a URL) is the one place a break may fall
 * inside a unit: it is cut after as many characters as fit, at least one.
 */
function splitOverwide(unit: BreakUnit, width: number): [BreakUnit, BreakUnit] {
  let take = 1;
  while (take < unit.glyphs.length - 1 && fitsWithin(extend(EMPTY_LINE, unit.glyphs.slice(0, take + 1)), width)) take++;
  return [
    { ...unit, glyphs: unit.glyphs.slice(0, take) },
    { ...unit, glyphs: unit.glyphs.slice(take) },
  ];
}

/** Characters on a line that are not punctuation: a last line needs two (typography.md §6). */
const wordCharacters = (units: readonly BreakUnit[]) =>
  units.reduce(
    (count, unit) => count + unit.glyphs.filter((g) => g.charClass === 'han' || g.charClass === 'latin').length,
    0,
  );

/**
 * Stage "break lines": first fit. A line takes units while they fit, counting the punctuation
 * that could be squeezed, so a mark that may not start a line is pulled in by compression
 * before anything is pushed to the next line. Breaks fall only between units, so the
 * prohibition rules hold by construction. A paragraph's last line never holds a single
 * character ("功。" alone): the line before gives it its last unit (clreq's "pull one down").
 *
 * @param widthOf available width of the n-th line (the first line may be indented)
 */
export function breakLines(units: readonly BreakUnit[], widthOf: (lineIndex: number) => number): BrokenLine[] {
  const queue = [...units];
  const lines: BrokenLine[] = [];
  // Where each line's units start and end in the queue, to pull a unit down into a stranded last line.
  const spans: [number, number][] = [];
  let start = 0;
  while (start < queue.length) {
    while (start < queue.length && queue[start]!.isSpace) start++;
    if (start >= queue.length) break;
    const width = widthOf(lines.length);
    let end = start;
    let forced = false;
    let measure = EMPTY_LINE;
    // Spaces join the line only when text follows them: a line never ends in one.
    let spaces: ShapedGlyph[] = [];
    while (end < queue.length) {
      const unit = queue[end]!;
      if (unit.isNewline) {
        forced = true;
        break;
      }
      if (unit.isSpace) {
        if (measure.last) spaces.push(...unit.glyphs);
      } else {
        let extended = extend(measure, [...spaces, ...unit.glyphs]);
        if (!fitsWithin(extended, width)) {
          if (end > start) break;
          if (unit.glyphs.length > 1) {
            const [head, tail] = splitOverwide(unit, width);
            queue.splice(end, 1, head, tail);
            extended = extend(measure, head.glyphs);
          }
        }
        measure = extended;
        spaces = [];
      }
      end++;
    }
    const isLast = forced || end >= queue.length;
    lines.push(makeLine(queue.slice(start, end), width, isLast));
    spans.push([start, end]);
    if (isLast) pullDownInto(lines, spans, queue, widthOf);
    start = forced ? end + 1 : end;
  }
  return lines;
}

/**
 * A paragraph's last line with a single character takes the previous line's last unit, when
 * that line keeps two units and the two fit together; the previous line is then justified.
 */
function pullDownInto(
  lines: BrokenLine[],
  spans: [number, number][],
  queue: readonly BreakUnit[],
  widthOf: (lineIndex: number) => number,
): void {
  const last = lines.length - 1;
  if (last < 1 || lines[last - 1]!.isLast) return;
  const [start, end] = spans[last]!;
  if (wordCharacters(queue.slice(start, end)) >= 2) return;
  const [previousStart, previousEnd] = spans[last - 1]!;
  let moved = previousEnd - 1;
  while (moved > previousStart && queue[moved]!.isSpace) moved--;
  const kept = queue.slice(previousStart, moved).filter((unit) => !unit.isSpace);
  if (kept.length < 2 || !fitsWithin(extend(EMPTY_LINE, lineGlyphs(queue.slice(moved, end))), widthOf(last))) return;
  lines.splice(
    last - 1,
    2,
    makeLine(queue.slice(previousStart, moved), widthOf(last - 1), false),
    makeLine(queue.slice(moved, end), widthOf(last), true),
  );
  spans.splice(last - 1, 2, [previousStart, moved], [moved, end]);
}

import type { TextSpan } from '../layout/LayoutModel.js';
import { BLANK_LEFT_HALF, BLANK_RIGHT_HALF, classify } from './cjkRules.js';

/**
 * The 间隔号 that joins the parts of a minority or foreign name (乌力吉·巴雅尔). GB/T 15834-2011
 * §4.15 gives U+00B7; records also arrive with the katakana middle dots (U+30FB, U+FF65), the hyphenation
 * point (U+2027) or the bullet (U+2022), which fonts draw as other dots (typography.md §6).
 */
const INTERPUNCT = '·';
const OTHER_INTERPUNCTS = /[・‧•･]/gu;
/**
 * The full-width full stop (U+FF0E) is also 公文's numbering stop (1．), so it is a 间隔号 only
 * between two Han characters, where a stop would be 。.
 */
const FULL_WIDTH_STOP = '．';

/** Full-width marks whose glyph carries its own blank half: a space beside one is never wanted. */
const FULL_WIDTH_MARKS = new Set([...BLANK_RIGHT_HALF, ...BLANK_LEFT_HALF]);
const NEEDS_NORMALIZING = /[ \u3000・‧•･．“]/u;
const isSpace = (char: string | undefined) => char === ' ' || char === '\u3000';

/**
 * GB/T 15834-2011 §4.5: a quotation inside a quotation takes single quotes (“…‘…’…”), a third level
 * double again. Only pairs that match are changed: an unclosed “ says nothing about its inner quotes.
 */
function nestQuotes(chars: { char: string }[]): void {
  const pairs: { open: number; close: number; parent: number | undefined }[] = [];
  const stack: number[] = [];
  const pairOf = new Map<number, number>();
  chars.forEach(({ char }, i) => {
    if (char === '“') stack.push(i);
    else if (char === '”' && stack.length > 0) {
      const open = stack.pop()!;
      pairOf.set(open, pairs.length);
      pairs.push({ open, close: i, parent: stack.at(-1) });
    }
  });
  // Pairs are recorded inner first; walk outer first so a parent's depth is known.
  const depth = new Map<number, number>();
  for (let p = pairs.length - 1; p >= 0; p--) {
    const { open, close, parent } = pairs[p]!;
    if (parent === undefined) depth.set(p, 0);
    else {
      const parentPair = pairOf.get(parent);
      const parentDepth = parentPair === undefined ? undefined : depth.get(parentPair);
      if (parentDepth === undefined) continue;
      depth.set(p, parentDepth + 1);
    }
    if (depth.get(p)! % 2 === 1) {
      chars[open]!.char = '‘';
      chars[close]!.char = '’';
    }
  }
}

/**
 * Stage "prepare", before shaping: text as Chinese typesetting wants it.
 * - One 间隔号 for every middle dot.
 * - Quotes inside quotes single.
 * - No space beside a full-width mark: a stray space typed before ，or after （ would otherwise be a
 *   break opportunity that lets a line start with ，。） or end with （“, defeating the line-start and
 *   line-end rules (clreq §3.1.7), and it widens a mark that already has its blank half.
 * Spans keep their styles; a space is judged by its neighbours across span boundaries too.
 */
export function normalizeSpans(spans: readonly TextSpan[]): readonly TextSpan[] {
  // Most texts have neither a space nor another dot: they pass as they are.
  if (!spans.some((span) => NEEDS_NORMALIZING.test(span.text))) return spans;
  const chars = spans.flatMap((span, spanIndex) =>
    [...span.text.replace(OTHER_INTERPUNCTS, INTERPUNCT)].map((char) => ({ char, spanIndex })),
  );
  for (let i = 1; i < chars.length - 1; i++) {
    const entry = chars[i]!;
    if (
      entry.char === FULL_WIDTH_STOP &&
      classify(chars[i - 1]!.char) === 'han' &&
      classify(chars[i + 1]!.char) === 'han'
    )
      entry.char = INTERPUNCT;
  }
  nestQuotes(chars);
  const kept = chars.filter(({ char }, i) => {
    if (!isSpace(char)) return true;
    // Runs of spaces count as one: look past them to the marks on either side.
    let before = i - 1;
    while (before >= 0 && isSpace(chars[before]!.char)) before--;
    let after = i + 1;
    while (after < chars.length && isSpace(chars[after]!.char)) after++;
    return !FULL_WIDTH_MARKS.has(chars[before]?.char ?? '') && !FULL_WIDTH_MARKS.has(chars[after]?.char ?? '');
  });
  return spans.map((span, spanIndex) => ({
    ...span,
    text: kept
      .filter((entry) => entry.spanIndex === spanIndex)
      .map((entry) => entry.char)
      .join(''),
  }));
}

import type { TextSpan } from '../layout/LayoutModel.js';
import { BLANK_LEFT_HALF, BLANK_RIGHT_HALF } from './cjkRules.js';

/**
 * The 间隔号 that joins the parts of a minority or foreign name (乌力吉·巴雅尔). GB/T 15834-2011
 * §4.15 gives U+00B7; records also arrive with the katakana middle dot (U+30FB), the hyphenation
 * point (U+2027) or the bullet (U+2022), which fonts draw as other dots (typography.md §6).
 */
const INTERPUNCT = '·';
const OTHER_INTERPUNCTS = /[・‧•]/gu;

/** Full-width marks whose glyph carries its own blank half: a space beside one is never wanted. */
const FULL_WIDTH_MARKS = new Set([...BLANK_RIGHT_HALF, ...BLANK_LEFT_HALF]);
const NEEDS_NORMALIZING = /[ \u3000・‧•]/u;
const isSpace = (char: string | undefined) => char === ' ' || char === '\u3000';

/**
 * Stage "prepare", before shaping: text as Chinese typesetting wants it.
 * - One 间隔号 for every middle dot.
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

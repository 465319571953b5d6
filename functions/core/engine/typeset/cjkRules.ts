/**
 * Chinese line-breaking and punctuation rules, as data. Source: W3C "Requirements for Chinese
 * Text Layout" (clreq) §3.1.7 (prohibition rules, "basic" level) and §3.1.6 (punctuation
 * compression), as summarised in shared/docs/typography.md §4.
 */

/** Marks that never start a line: closing and stop punctuation, the interpunct and connectors. */
export const NO_LINE_START = new Set([
  ...'、，。．：；！？',
  ...'”’）》」』】〕〉〗｝',
  '·',
  '・',
  '‧',
  '～',
  '〜',
  '％',
  '‰',
  '℃',
  ...',.;:!?)]}%',
]);

/** Marks that never end a line: opening quotes and brackets. */
export const NO_LINE_END = new Set([...'“‘（《「『【〔〈〖｛', ...'([{']);

/** Two-em marks: set as a pair and never split across lines (clreq §3.3.2). */
export const INSEPARABLE_PAIRS = new Set(['—', '…']);

/**
 * The 2-em dash (U+2E3A): a typed —— is drawn as this one glyph where the font has it, one
 * continuous stroke (typography.md §6), and extracts as —— again.
 */
export const TWO_EM_DASH = '\u2E3A';

/** Interpuncts joining the parts of a name (乌力吉·巴雅尔): no break on either side. */
export const NAME_JOINERS = new Set(['·', '・', '‧']);

/**
 * Where a full-width mark's glyph leaves half an em blank in Simplified Chinese fonts: closing
 * and stop marks sit in the left half, opening marks in the right. That blank half is what
 * compression removes (clreq §3.1.6).
 */
export const BLANK_RIGHT_HALF = new Set([...'、，。．：；！？”’）》」』】〕〉〗｝']);
export const BLANK_LEFT_HALF = new Set([...'“‘（《「『【〔〈〖｛']);

/** Title line breaks are preferred after these (typography.md §1, "title"). */
export const PREFERRED_TITLE_BREAKS_AFTER = ['关于', '、', '》'];
/**
 * No title line starts with these: a particle or conjunction opening a line reads as a fragment
 * (…表现突出 / 的集体), so it stays with the word before it.
 */
export const TITLE_NO_LINE_START = ['的', '和', '及', '与'];
/** A title line ending with these is penalised: it ends mid-phrase (集体和 / 个人). */
export const TITLE_AVOID_LINE_END = ['和', '及', '与'];

export type CharClass = 'han' | 'latin' | 'punct' | 'space' | 'newline';

export function classify(char: string): CharClass {
  if (char === '\n') return 'newline';
  if (char === ' ' || char === '\u3000') return 'space';
  if (NO_LINE_START.has(char) || NO_LINE_END.has(char) || INSEPARABLE_PAIRS.has(char) || char === TWO_EM_DASH)
    return 'punct';
  const cp = char.codePointAt(0)!;
  if (
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    (cp >= 0x3040 && cp <= 0x30ff) ||
    cp === 0x3007
  ) {
    return 'han';
  }
  if (cp >= 0x3000 && cp <= 0x303f) return 'punct';
  // Full-width digits and letters (typography.md §4 wants half-width, but records may hold them) form words.
  if (isFullWidthAlphanumeric(cp)) return 'latin';
  if (cp >= 0xff00 && cp <= 0xffef) return 'punct';
  return 'latin';
}

function isFullWidthAlphanumeric(cp: number): boolean {
  return (cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a);
}

/** Marks inside a number: 3.14, 1,585, 12:30. */
export const NUMBER_SEPARATORS = new Set(['.', ',', ':']);

/** Characters of one word: Latin letters, digits and the marks inside numbers and words. */
export function isWordChar(char: string): boolean {
  return classify(char) === 'latin' && !NAME_JOINERS.has(char);
}

export function isDigit(char: string): boolean {
  return (char >= '0' && char <= '9') || (char >= '０' && char <= '９');
}

/** Half-width Latin letters and digits get ¼ em from neighbouring Han characters; symbols do not. */
export function isAlphanumeric(char: string): boolean {
  return /^[\p{L}\p{N}]$/u.test(char) && classify(char) === 'latin' && char.codePointAt(0)! < 0x3000;
}

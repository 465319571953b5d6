import { MissingGlyphError } from '../../errors.js';
import type { FontRegistry, LoadedFont } from '../fonts/FontRegistry.js';
import type { Rgb, TextSpan, TextStyle } from '../layout/LayoutModel.js';
import { normalizeSpans } from './normalizeText.js';
import {
  BLANK_LEFT_HALF,
  BLANK_RIGHT_HALF,
  type CharClass,
  classify,
  INSEPARABLE_PAIRS,
  isAlphanumeric,
  isDigit,
  isWordChar,
  NAME_JOINERS,
  NO_LINE_END,
  NO_LINE_START,
  NUMBER_SEPARATORS,
  TWO_EM_DASH,
} from './cjkRules.js';

const TWO_EM_DASH_CODE_POINT = TWO_EM_DASH.codePointAt(0)!;

/** One character, measured in the font that draws it. */
export interface ShapedGlyph {
  readonly char: string;
  readonly codePoint: number;
  readonly charClass: CharClass;
  readonly font: LoadedFont;
  readonly size: number;
  readonly color: Rgb;
  /** Advance including tracking, in points. */
  readonly advance: number;
  /** The tracking inside `advance`: letter-spacing that falls away after a line's last glyph. */
  readonly tracking: number;
  /** Where the glyph is drawn inside its advance: the 2-em dash, narrower than its cells, sits centred. */
  readonly inset?: number;
  /** Space before this glyph when it does not start a line (CJK–Latin ¼ em). */
  readonly gapBefore: number;
  /** Blank half-em that compression may remove, at each side. */
  readonly blankLeft: number;
  readonly blankRight: number;
  /** Counts toward a line's character count: 1 for full-width, ½ for half-width. */
  readonly cells: number;
}

/** Glyphs that must stay on one line: a Latin word, a number with its unit, a name joined by ·, a —— pair. */
export interface BreakUnit {
  readonly glyphs: readonly ShapedGlyph[];
  readonly isSpace: boolean;
  readonly isNewline: boolean;
}

/** Latin letters take ¼ em from Han; digits do not (see measure). */
function spacedFromHan(char: string): boolean {
  return isAlphanumeric(char) && !isDigit(char);
}

function canBreakBetween(before: string, after: string): boolean {
  if (NO_LINE_START.has(after) || NO_LINE_END.has(before)) return false;
  if (before === after && INSEPARABLE_PAIRS.has(before)) return false;
  if (NAME_JOINERS.has(before) || NAME_JOINERS.has(after)) return false;
  if (isWordChar(before) && isWordChar(after)) return false;
  if (NUMBER_SEPARATORS.has(before) && isDigit(after)) return false;
  // A number and its unit stay together (typography.md §1: 7名, 12号, 2020年).
  if (isDigit(before) && classify(after) === 'han') return false;
  return true;
}

/**
 * Stage "shape and measure": maps every character to the first font of its style's role that
 * has a glyph (failing with the character and code point when none has), measures it, and
 * groups the glyphs into units between which a line may break.
 */
export function shapeText(spans: readonly TextSpan[], fonts: FontRegistry): BreakUnit[] {
  const glyphs: ShapedGlyph[] = [];
  let previous: { char: string; style: TextStyle } | undefined;
  for (const span of normalizeSpans(spans)) {
    const chars = [...span.text];
    for (let i = 0; i < chars.length; i++) {
      let char = chars[i]!;
      if (char === '—' && chars[i + 1] === '—' && fonts.fontFor(span.style.font, TWO_EM_DASH_CODE_POINT)) {
        char = TWO_EM_DASH;
        i++;
      }
      glyphs.push(measure(char, span.style, previous, fonts));
      previous = { char, style: span.style };
    }
  }
  // No closures here: this runs for every text of a document.
  const units: BreakUnit[] = [];
  let current: ShapedGlyph[] = [];
  for (let i = 0; i < glyphs.length; i++) {
    const glyph = glyphs[i]!;
    if (glyph.charClass === 'space' || glyph.charClass === 'newline') {
      if (current.length > 0) units.push({ glyphs: current, isSpace: false, isNewline: false });
      current = [];
      units.push({ glyphs: [glyph], isSpace: glyph.charClass === 'space', isNewline: glyph.charClass === 'newline' });
      continue;
    }
    const last = current[current.length - 1];
    if (last && canBreakBetween(last.char, glyph.char)) {
      units.push({ glyphs: current, isSpace: false, isNewline: false });
      current = [];
    }
    current.push(glyph);
  }
  if (current.length > 0) units.push({ glyphs: current, isSpace: false, isNewline: false });
  return units;
}

function measure(
  char: string,
  style: TextStyle,
  previous: { char: string; style: TextStyle } | undefined,
  fonts: FontRegistry,
): ShapedGlyph {
  const codePoint = char.codePointAt(0)!;
  const charClass = classify(char);
  if (charClass === 'newline') {
    return {
      char,
      codePoint,
      charClass,
      font: fonts.primary(style.font),
      size: style.size,
      color: style.color,
      advance: 0,
      tracking: 0,
      gapBefore: 0,
      blankLeft: 0,
      blankRight: 0,
      cells: 0,
    };
  }
  const font = fonts.fontFor(style.font, codePoint);
  if (!font) throw new MissingGlyphError(char, style.font, undefined, undefined);
  const em = style.size;
  const { opentype } = font;
  const drawn = (opentype.advanceWidth(opentype.glyphId(codePoint)) / opentype.metrics.unitsPerEm) * em;
  // The CJK fonts advance the 2-em dash about 1.7 em; GB/T 15834 wants the 破折号 two full cells, so
  // it takes 2 em with its glyph centred. A lone — keeps its advance: page numbers align on it.
  const natural = char === TWO_EM_DASH ? 2 * em : drawn;
  const fullWidth = natural > 0.75 * em;
  // ¼ em between Han and Latin letters (typography.md §4); digits are set solid against Han, as 公文
  // set dates and 文号 (2020年2月5日, 内公奖〔2020〕12号: typography.md §6, "Digits in 公文").
  const autospace =
    style.autospace &&
    previous !== undefined &&
    ((classify(previous.char) === 'han' && spacedFromHan(char)) ||
      (spacedFromHan(previous.char) && charClass === 'han'));
  return {
    char,
    codePoint,
    charClass,
    font,
    size: em,
    color: style.color,
    advance: natural + style.tracking,
    tracking: style.tracking,
    ...(natural > drawn ? { inset: (natural - drawn) / 2 } : {}),
    gapBefore: autospace ? em / 4 : 0,
    blankLeft: fullWidth && BLANK_LEFT_HALF.has(char) ? em / 2 : 0,
    blankRight: fullWidth && BLANK_RIGHT_HALF.has(char) ? em / 2 : 0,
    // The 2-em dash fills two cells.
    cells: fullWidth ? Math.max(1, Math.round(natural / em)) : 0.5,
  };
}

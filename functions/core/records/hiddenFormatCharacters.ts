/**
 * Invisible characters that reorder or join text: in a name they make what is shown differ from
 * what is stored (U+202E prints 张鹏 as 鹏张). They are refused in every text field, except the few
 * that Mongolian script needs, and those only where that script is.
 */
const NAMES: Readonly<Record<number, string>> = {
  1564: 'ARABIC LETTER MARK',
  6155: 'MONGOLIAN FREE VARIATION SELECTOR ONE',
  6156: 'MONGOLIAN FREE VARIATION SELECTOR TWO',
  6157: 'MONGOLIAN FREE VARIATION SELECTOR THREE',
  6158: 'MONGOLIAN VOWEL SEPARATOR',
  6159: 'MONGOLIAN FREE VARIATION SELECTOR FOUR',
  8203: 'ZERO WIDTH SPACE',
  8204: 'ZERO WIDTH NON-JOINER',
  8205: 'ZERO WIDTH JOINER',
  8206: 'LEFT-TO-RIGHT MARK',
  8207: 'RIGHT-TO-LEFT MARK',
  8234: 'LEFT-TO-RIGHT EMBEDDING',
  8235: 'RIGHT-TO-LEFT EMBEDDING',
  8236: 'POP DIRECTIONAL FORMATTING',
  8237: 'LEFT-TO-RIGHT OVERRIDE',
  8238: 'RIGHT-TO-LEFT OVERRIDE',
  8239: 'NARROW NO-BREAK SPACE',
  8288: 'WORD JOINER',
  8294: 'LEFT-TO-RIGHT ISOLATE',
  8295: 'RIGHT-TO-LEFT ISOLATE',
  8296: 'FIRST STRONG ISOLATE',
  8297: 'POP DIRECTIONAL ISOLATE',
  65279: 'ZERO WIDTH NO-BREAK SPACE',
};

// Character classes as regex source, so that the published JSON Schema carries the same rule.
/** Bidirectional controls and zero-width characters that no script here needs. */
const ALWAYS_REFUSED = '\\u061C\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2060\\u2066-\\u2069\\uFEFF';
/** Free variation selectors, the vowel separator and the narrow no-break space that joins suffixes. */
const MONGOLIAN_FORMAT = '\\u180B-\\u180F\\u202F';
/** Mongolian script, less the format characters above (two selectors side by side are no script). */
const MONGOLIAN_SCRIPT = '\\u1800-\\u180A\\u1810-\\u18AF';
const JOINERS = '\\u200C\\u200D';
const MONGOLIAN_LETTER = '\\u1820-\\u18AA';

/** Each alternative excludes the others, so a value that fails is found out in linear time. */
const ALLOWED_CHARACTER = [
  `[^${ALWAYS_REFUSED}${MONGOLIAN_FORMAT}${JOINERS}]`,
  `(?<=[${MONGOLIAN_SCRIPT}])[${MONGOLIAN_FORMAT}]`,
  `(?<![${MONGOLIAN_SCRIPT}])[${MONGOLIAN_FORMAT}](?=[${MONGOLIAN_SCRIPT}])`,
  `(?<=[${MONGOLIAN_LETTER}])[${JOINERS}]`,
  `(?<![${MONGOLIAN_LETTER}])[${JOINERS}](?=[${MONGOLIAN_LETTER}])`,
].join('|');

/** A value without hidden format characters, but for Mongolian's own beside Mongolian script. */
export const NO_HIDDEN_FORMAT_PATTERN = new RegExp(`^(?:${ALLOWED_CHARACTER})*$`);
const ALLOWED_PREFIX = new RegExp(`^(?:${ALLOWED_CHARACTER})*`);

const codePoint = (value: number) => `U+${value.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why a value fails NO_HIDDEN_FORMAT_PATTERN, naming the first character refused and its code point. */
export function hiddenFormatCharacterMessage(value: string): string {
  const refused = value.codePointAt(ALLOWED_PREFIX.exec(value)?.[0].length ?? 0) ?? 0;
  const named = `${codePoint(refused)} (${NAMES[refused] ?? 'a format character'})`;
  if (refused === 0x200c || refused === 0x200d) return `${named} is not allowed except next to a Mongolian letter`;
  if (new RegExp(`[${MONGOLIAN_FORMAT}]`).test(String.fromCodePoint(refused)))
    return `${named} is not allowed outside Mongolian script`;
  return `${named} is not allowed`;
}

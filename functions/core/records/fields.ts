import { z } from 'zod';
import {
  DOCUMENT_NUMBER_PATTERN,
  HAS_WORDS_PATTERN,
  RECORD_ID_PATTERN,
  SINGLE_LINE_PATTERN,
  TEXT_LIMITS,
} from './constants.js';
import { hiddenFormatCharacterMessage, NO_HIDDEN_FORMAT_PATTERN } from './hiddenFormatCharacters.js';

/**
 * A trimmed, non-empty, single-line string of at most `maxLength` code units, with words in it and
 * no hidden format characters (bidirectional controls, zero-width characters).
 */
export function text(maxLength: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(maxLength)
    .regex(SINGLE_LINE_PATTERN, { error: 'must not contain line breaks or control characters' })
    .regex(NO_HIDDEN_FORMAT_PATTERN, { error: (issue) => hiddenFormatCharacterMessage(String(issue.input)) })
    .regex(HAS_WORDS_PATTERN, { error: 'must contain words, not punctuation alone' });
}

export function personName() {
  return text(TEXT_LIMITS.name);
}

export function line() {
  return text(TEXT_LIMITS.line);
}

/** Paragraphs of body text, one string per paragraph. */
export function paragraphs() {
  return z.array(text(TEXT_LIMITS.paragraph)).max(TEXT_LIMITS.paragraphs);
}

export function recordId() {
  return z.string().regex(RECORD_ID_PATTERN, {
    error: "must be 1 to 64 letters, digits, '_' or '-', starting with a letter or digit",
  });
}

/** A date-time with an explicit offset, so a document never guesses the time zone. */
export function dateTime() {
  return z.iso.datetime({ offset: true });
}

export function documentNumber() {
  return text(TEXT_LIMITS.name).regex(DOCUMENT_NUMBER_PATTERN, {
    error: 'must look like 内公奖〔2020〕12号 (prefix, year in 〔〕, number, 号)',
  });
}

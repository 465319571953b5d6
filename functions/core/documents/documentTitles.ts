import type { TelegramVariant } from '../records/constants.js';

/** The documents the engine produces, each from the template of the same name. */
export const DOCUMENT_KINDS = ['certificate', 'commendation-order', 'telegram', 'praise-bulletin'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const DOCUMENT_TITLES: Readonly<Record<Exclude<DocumentKind, 'telegram'>, string>> = {
  certificate: '荣誉证书',
  'commendation-order': '嘉奖令',
  'praise-bulletin': '表扬通报',
};

/** A telegram's title follows its variant: to the family of the fallen it is a 唁电 (domain.md). */
const TELEGRAM_TITLES: Readonly<Record<TelegramVariant, string>> = {
  sympathy: '慰问电',
  condolence: '唁电',
};

/**
 * What a record's document is called: the title staff see, the start of its PDF's file name and
 * its PDF subject. Named from the record (or its stored item), since the kind alone cannot tell
 * a 唁电 from a 慰问电. An unknown kind is shown as it is.
 */
export function documentTitle(kind: string, record: object): string {
  if (kind === 'telegram')
    return TELEGRAM_TITLES['variant' in record && record.variant === 'condolence' ? 'condolence' : 'sympathy'];
  return DOCUMENT_TITLES[kind as keyof typeof DOCUMENT_TITLES] ?? kind;
}

/** The documents the engine produces, each from the template of the same name. */
export const DOCUMENT_KINDS = ['certificate', 'commendation-order', 'telegram', 'praise-bulletin'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** How staff see each document: the name of its PDF file starts with this. */
export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  certificate: '荣誉证书',
  'commendation-order': '嘉奖令',
  telegram: '慰问电',
  'praise-bulletin': '表扬通报',
};

import type { AwardRecordFields, DocumentRef } from '../award/Award.js';
import type { DocumentFormat } from '../../definitions/documentsBucket.js';
import { awardDescription } from '../documents/awardDescription.js';
import { documentTitle } from '../documents/documentTitles.js';

/** The kinds whose document is a certificate of one recipient, who may hold several. */
const CERTIFIED_KINDS = new Set(['merit', 'commendation', 'honorary-title']);

/**
 * The name a document downloads under: 荣誉证书-何建华-个人三等功.pdf, 嘉奖令-内公奖〔2020〕1号.pdf,
 * 唁电-何建华同志家属.pdf; its OFD under the same name with .ofd. A certificate names the award
 * too, so that one person's certificates do not save over each other.
 */
export function documentFileName(item: AwardRecordFields, ref: DocumentRef, format: DocumentFormat = 'pdf'): string {
  const title = documentTitle(ref.kind, item);
  const recipient = item.recipient as { name?: string } | undefined;
  const subject =
    recipient?.name ??
    (item.documentNumber as string | undefined) ??
    (item.addressee as string | undefined)?.replace(/[：:]$/, '') ??
    item.id;
  const award = recipient?.name !== undefined && CERTIFIED_KINDS.has(item.kind) ? `-${awardDescription(item)}` : '';
  return `${title}-${subject}${award}${ref.version > 1 ? `-v${ref.version}` : ''}.${format}`;
}

/**
 * The plain ASCII name for clients that cannot read the Chinese one: the document's kind, the
 * record's id (usually pinyin) and the version, e.g. certificate-merit-he-jianhua-v1.pdf.
 */
export function asciiFileName(item: AwardRecordFields, ref: DocumentRef, format: DocumentFormat = 'pdf'): string {
  return `${ref.kind}-${item.id}-v${ref.version}.${format}`;
}

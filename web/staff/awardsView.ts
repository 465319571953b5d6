import { dateText, documentFacts, kindName, linkValidity, statusName } from './chineseText.js';
import { h } from './dom.js';
import type { AwardSummary, DocumentLink } from './staffApi.js';

/** The columns of the awards table, in order; the documents row beneath an award spans them all. */
export const AWARD_COLUMNS = ['获奖对象', '奖励', '单位', '文号', '类别', '地区', '状态', '批准日期', '文书'] as const;

/** When and why an award was revoked, as its row says it; undefined while it stands. */
export function revocationText(award: Pick<AwardSummary, 'status' | 'revokedAt' | 'revocationReason'>) {
  if (award.status !== 'REVOKED') return undefined;
  return {
    date: `撤销日期 ${dateText(award.revokedAt)}`,
    ...(award.revocationReason ? { reason: `原因：${award.revocationReason}` } : {}),
  };
}

/** One row per award; its documents open in a row beneath it when asked for. */
export function awardRow(
  award: AwardSummary,
  onShowDocuments: (award: AwardSummary, row: HTMLTableRowElement, button: HTMLButtonElement) => void,
): HTMLTableRowElement {
  const button = h(
    'button',
    { type: 'button', class: 'link-button', 'aria-expanded': 'false', 'data-award': award.id },
    `文书（${award.documents.length}）`,
  );
  const revocation = revocationText(award);
  const row = h(
    'tr',
    { 'data-award': award.id },
    h('td', {}, h('span', { class: 'name' }, award.name), h('span', { class: 'id' }, award.id)),
    h('td', { class: 'award' }, award.award ?? '—'),
    h('td', { class: 'unit' }, award.unit ?? '—'),
    h('td', { class: 'document-number' }, award.documentNumber ?? '—'),
    h('td', {}, award.category ?? kindName(award.kind)),
    h('td', {}, award.region),
    h(
      'td',
      { class: 'state' },
      h('span', { class: `status status-${award.status.toLowerCase()}` }, statusName(award.status)),
      award.failure && h('span', { class: 'status status-failed', title: award.failure }, '生成失败'),
      revocation && h('span', { class: 'revocation' }, revocation.date),
      revocation?.reason && h('span', { class: 'revocation reason' }, revocation.reason),
    ),
    h('td', {}, dateText(award.approvedAt)),
    h('td', {}, button),
  );
  button.addEventListener('click', () => onShowDocuments(award, row, button));
  return row;
}

/** Why an award has no document to download yet: a failed rendering says so, with its reason. */
export function noDocumentsText(status: string, failure?: string): string {
  if (failure !== undefined) return `生成失败：${failure}。请联系审核人员更正记录。`;
  if (status === 'APPROVED') return '文书正在生成，请稍后刷新。';
  if (status === 'REVOKED') return '表彰已撤销，没有可下载的文书。';
  return '表彰尚未批准，批准后自动生成文书。';
}

export type DownloadFormat = 'pdf' | 'ofd';

/** A document's link in one format, or undefined when there is none. */
export function linkOf(
  document: DocumentLink,
  format: DownloadFormat,
): { url: string; expiresAt?: string } | undefined {
  if (document.withdrawn) return undefined;
  if (format === 'ofd') return document.ofd;
  return document.url
    ? { url: document.url, ...(document.expiresAt ? { expiresAt: document.expiresAt } : {}) }
    : undefined;
}

/**
 * The download links a document offers, PDF first: the visible text tells the formats apart, and
 * the accessible name adds the title, since every row of the list has the same links.
 */
export function downloadLinks(document: DocumentLink) {
  const labels: Record<DownloadFormat, string> = { pdf: '下载 PDF', ofd: '下载 OFD 版式文件' };
  return (['pdf', 'ofd'] as const).flatMap((format) => {
    const link = linkOf(document, format);
    if (!link) return [];
    return [{ format, url: link.url, text: labels[format], label: `${document.title} ${labels[format]}` }];
  });
}

/** The documents of one award: a download link for each format, or why there is none. */
export function documentList(
  answer: { status: string; failure?: string; documents: readonly DocumentLink[] },
  onDownload: (document: DocumentLink, format: DownloadFormat, event: MouseEvent) => void,
): HTMLElement {
  const { status, failure, documents } = answer;
  if (documents.length === 0)
    return h('p', { class: failure === undefined ? 'empty' : 'empty failed' }, noDocumentsText(status, failure));
  const list = h(
    'ul',
    { class: 'documents' },
    ...documents.map((document) => {
      const facts = documentFacts(document);
      const title = h('span', { class: 'document-title' }, document.title);
      const downloads = downloadLinks(document);
      if (!downloads.some(({ format }) => format === 'pdf')) {
        return h(
          'li',
          { class: 'withdrawn' },
          title,
          facts && h('span', { class: 'facts' }, facts),
          h('span', { class: 'note' }, '已撤回（表彰已撤销），不可下载'),
        );
      }
      const links = downloads.map(({ format, url, text, label }) => {
        const link = h(
          'a',
          {
            href: url,
            class: format === 'pdf' ? 'download' : 'download secondary',
            'data-kind': document.kind,
            'data-format': format,
            'aria-label': label,
          },
          text,
        );
        link.addEventListener('click', (event) => onDownload(document, format, event));
        return link;
      });
      return h(
        'li',
        {},
        title,
        facts && h('span', { class: 'facts' }, facts),
        ...links,
        document.expiresAt && h('span', { class: 'note' }, `链接${linkValidity(document.expiresAt)}`),
      );
    }),
  );
  // A corrected version that failed leaves the earlier version's documents: offered, under the failure.
  if (failure === undefined) return list;
  return h('div', {}, h('p', { class: 'failed' }, noDocumentsText(status, failure)), list);
}

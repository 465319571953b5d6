import { arabicDate } from '../core/engine/templates/chineseDates.js';
import type { Verification } from '../core/verification/VerificationService.js';
import { escapeHtml } from './escapeHtml.js';
import { FILE_CHECK_SCRIPT } from './fileCheckScript.js';
import { hashSource, PAGE_STYLE } from './pageStyle.js';

/**
 * Nothing loads or runs but the page's own style and script, allowed by their hashes; no form
 * posts anywhere, no site may frame it.
 */
export const VERIFICATION_PAGE_CSP =
  `default-src 'none'; script-src ${hashSource(FILE_CHECK_SCRIPT)}; style-src ${hashSource(PAGE_STYLE)}; ` +
  `base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/** The headline: 有效, 已撤销（日期）, 已更正（which version replaced it）, 未找到. */
export function statusText(verification: Verification): string {
  switch (verification.status) {
    case 'valid':
      return '有效';
    case 'revoked':
      return verification.revokedAt === undefined ? '已撤销' : `已撤销（${arabicDate(verification.revokedAt)}）`;
    case 'superseded':
      return `已更正（现行为第${verification.currentVersion}版，本件已被取代）`;
    case 'not-found':
      return '未找到';
  }
}

const row = (term: string, value: string) => `<dt>${term}</dt><dd>${value}</dd>`;

/** What the award line is called on each kind's page; 奖励 for anything else. */
const AWARD_TERMS: Readonly<Record<string, string>> = {
  'praise-bulletin': '表扬',
  telegram: '类别',
  'statistics-bulletin': '统计',
};

/** The rows a document stored before awards were recorded lacks are left out, never guessed. */
function optionalRow(term: string, value: string | number | undefined): string[] {
  return value === undefined ? [] : [row(term, escapeHtml(String(value)))];
}

function details(verification: Exclude<Verification, { status: 'not-found' }>): string {
  const rows = [
    row('文书', escapeHtml(verification.title)),
    // A telegram's kind is its title already.
    ...optionalRow(
      AWARD_TERMS[verification.kind] ?? '奖励',
      verification.award === verification.title ? undefined : verification.award,
    ),
    ...optionalRow('文号', verification.documentNumber),
    ...optionalRow('受奖者数', verification.awardees),
    row('对象', escapeHtml(verification.recipient)),
    ...optionalRow('单位', verification.unit),
    row('发文机关', escapeHtml(verification.authority)),
    row('日期', escapeHtml(verification.issuedAt === '' ? '—' : arabicDate(verification.issuedAt))),
    row('版本', `第${verification.version}版`),
    row('核验码', escapeHtml(verification.code)),
    row(
      verification.ofdSha256 === undefined ? 'SHA-256' : 'SHA-256（PDF）',
      `<code>${escapeHtml(verification.sha256)}</code>`,
    ),
    ...(verification.ofdSha256 === undefined
      ? []
      : [row('SHA-256（OFD）', `<code>${escapeHtml(verification.ofdSha256)}</code>`)]),
  ];
  const ofd = verification.ofdSha256;
  const formats = ofd === undefined ? 'PDF' : 'PDF 或 OFD';
  const accepted = ofd === undefined ? 'application/pdf,.pdf' : 'application/pdf,.pdf,application/ofd,.ofd';
  return (
    `<dl>${rows.join('')}</dl>` +
    `<section id="file-check" data-sha256="${escapeHtml(verification.sha256)}"` +
    `${ofd === undefined ? '' : ` data-ofd-sha256="${escapeHtml(ofd)}"`} hidden>` +
    `<h2>核对文件</h2><p><label for="file">选择您持有的 ${formats} 文件：</label></p>` +
    `<p><input type="file" id="file" accept="${accepted}"></p>` +
    '<p id="check-result" aria-live="polite"></p>' +
    '<p class="note">文件只在您的浏览器中计算 SHA-256，不会上传。</p></section>' +
    '<noscript><p class="note">核对文件需要启用 JavaScript；' +
    '也可自行计算文件的 SHA-256，与上列数值比对。</p></noscript>'
  );
}

/** The verification page, in Chinese: the standing first, then what the document prints, then the file check. */
export function verificationPage(verification: Verification): string {
  const status = statusText(verification);
  const body =
    verification.status === 'not-found'
      ? '<p>未找到与此核验码对应的文书。请核对核验码是否输入正确。</p>' + '<p><a href="/verify">重新输入核验码</a></p>'
      : details(verification);
  return (
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">' +
    `<title>文书核验：${escapeHtml(status)}</title><style>${PAGE_STYLE}</style></head><body><main>` +
    `<h1>文书核验</h1><p class="status ${verification.status}" id="status">${escapeHtml(status)}</p>${body}` +
    `</main><script>${FILE_CHECK_SCRIPT}</script></body></html>`
  );
}

import { createHash } from 'node:crypto';
import { arabicDate } from '../core/engine/templates/chineseDates.js';
import type { Verification } from '../core/verification/VerificationService.js';
import { FILE_CHECK_SCRIPT } from './fileCheckScript.js';

const STYLE = `body{margin:0;font:16px/1.6 system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;color:#1a1a1a;\
background:#f6f4ef}main{max-width:40rem;margin:2rem auto;padding:1.5rem;background:#fff;border-top:4px solid #b31b1b}\
h1{font-size:1.4rem;margin:0 0 1rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}\
.status{font-size:1.5rem;font-weight:700;margin:0 0 1rem}.valid{color:#17693a}.revoked,.not-found{color:#b31b1b}\
.superseded{color:#9a5b00}dl{display:grid;grid-template-columns:max-content 1fr;gap:.4rem 1rem;margin:0}\
dt{color:#555}dd{margin:0;overflow-wrap:anywhere}code{font-size:.85rem}\
#check-result[data-outcome=match]{color:#17693a;font-weight:700}\
#check-result[data-outcome=mismatch]{color:#b31b1b;font-weight:700}.note{color:#555;font-size:.9rem}`;

const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Nothing loads or runs but the page's own style and script, allowed by their hashes; no form
 * posts anywhere, no site may frame it.
 */
export const VERIFICATION_PAGE_CSP =
  `default-src 'none'; script-src ${hashOf(FILE_CHECK_SCRIPT)}; style-src ${hashOf(STYLE)}; ` +
  `base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

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

function details(verification: Exclude<Verification, { status: 'not-found' }>): string {
  const rows = [
    row('文书', escapeHtml(verification.title)),
    row('发文机关', escapeHtml(verification.authority)),
    row('日期', escapeHtml(verification.issuedAt === '' ? '—' : arabicDate(verification.issuedAt))),
    ...(verification.documentNumber === undefined ? [] : [row('文号', escapeHtml(verification.documentNumber))]),
    row('对象', escapeHtml(verification.recipient)),
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
      ? '<p>未找到与此核验码对应的文书。请核对核验码是否输入正确。</p>'
      : details(verification);
  return (
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">' +
    `<title>文书核验：${escapeHtml(status)}</title><style>${STYLE}</style></head><body><main>` +
    `<h1>文书核验</h1><p class="status ${verification.status}" id="status">${escapeHtml(status)}</p>${body}` +
    `</main><script>${FILE_CHECK_SCRIPT}</script></body></html>`
  );
}

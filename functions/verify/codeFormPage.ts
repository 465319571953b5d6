import { escapeHtml } from './escapeHtml.js';
import { hashSource, PAGE_STYLE } from './pageStyle.js';

/**
 * As the verification page's, with no script at all; the form may submit only to this address
 * (GET /verify?code=…), which redirects to the code's page.
 */
export const CODE_FORM_CSP =
  `default-src 'none'; style-src ${hashSource(PAGE_STYLE)}; ` +
  `base-uri 'none'; form-action 'self'; frame-ancestors 'none'`;

/** How much of a refused entry is shown back in the field: a code, with room for typed separators. */
const MAX_ECHOED = 40;

/**
 * The form for a code typed from the printed document (when its QR code cannot be read): one
 * field, and, after a refused entry, one line saying why with the entry left to correct.
 */
export function codeFormPage(refused?: { readonly entry: string; readonly error: string }): string {
  const value = refused === undefined ? '' : ` value="${escapeHtml(refused.entry.slice(0, MAX_ECHOED))}"`;
  const error = refused === undefined ? '' : `<p class="error" id="error">${escapeHtml(refused.error)}</p>`;
  return (
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">' +
    `<title>文书核验：输入核验码</title><style>${PAGE_STYLE}</style></head><body><main>` +
    '<h1>文书核验</h1>' +
    '<form method="get" action="/verify">' +
    '<p><label for="code">请输入文书上印制的核验码：</label></p>' +
    '<p class="entry"><input id="code" name="code" required maxlength="40" autocomplete="off" ' +
    `autocapitalize="characters" spellcheck="false" placeholder="XXXXX-XXXXX-XXXXX-XXXXX"${value}` +
    `${refused === undefined ? '' : ' aria-invalid="true" aria-describedby="error"'}>` +
    '<button type="submit">核验</button></p>' +
    `${error}</form>` +
    '<p class="note">核验码印在文书的二维码旁，共20位，由字母A–Z和数字2–7组成，每5位一组，以短横线连接；' +
    '输入时不区分大小写，短横线和空格可省略。</p>' +
    '</main></body></html>'
  );
}

import { createHash } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { describe, expect, it } from 'vitest';
import type { Verification } from '../../../functions/core/verification/VerificationService.js';
import { createVerifyHandler, prefersJson } from '../../../functions/verify/createVerifyHandler.js';
import { FILE_CHECK_SCRIPT } from '../../../functions/verify/fileCheckScript.js';

const CODE = 'AAAAA-BBBBB-CCCCC-DDDDD';
const document = {
  code: CODE,
  kind: 'commendation-order',
  version: 1,
  sha256: 'b'.repeat(64),
  title: '嘉奖令',
  authority: '内蒙古自治区公安厅',
  issuedAt: '2020-02-05T10:00:00+08:00',
  documentNumber: '内公奖〔2020〕12号',
  recipient: '各盟市公安局，厅机关各部门',
} as const;

const handlerAnswering = (verification: Verification | Error) =>
  createVerifyHandler({
    service: {
      verify: async () => {
        if (verification instanceof Error) throw verification;
        return verification;
      },
    } as never,
    logger: new Logger({ logLevel: 'SILENT' }),
  });

const ask = (verification: Verification | Error, accept?: string) =>
  handlerAnswering(verification)({
    pathParameters: { code: CODE },
    headers: accept === undefined ? {} : { Accept: accept },
  });

describe('GET /verify/{code}', () => {
  it('answers JSON when asked for it, in the agreed shape and nothing more', async () => {
    const answer = await ask({ status: 'valid', ...document }, 'application/json');
    expect(answer.statusCode).toBe(200);
    expect(answer.headers?.['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(String(answer.body))).toEqual({
      status: 'valid',
      kind: 'commendation-order',
      title: '嘉奖令',
      authority: '内蒙古自治区公安厅',
      issuedAt: '2020-02-05T10:00:00+08:00',
      documentNumber: '内公奖〔2020〕12号',
      recipient: '各盟市公安局，厅机关各部门',
      version: 1,
      sha256: 'b'.repeat(64),
    });
  });

  it('answers an unknown code with 404 and the same page or JSON saying 未找到, never echoing the code', async () => {
    const json = await ask({ status: 'not-found' }, 'application/json');
    expect(json.statusCode).toBe(404);
    expect(JSON.parse(String(json.body))).toEqual({ status: 'not-found', message: '未找到' });
    const page = await ask({ status: 'not-found' });
    expect(page.statusCode).toBe(404);
    expect(page.headers?.['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<p class="status not-found" id="status">未找到</p>');
    expect(page.body).not.toContain(CODE);
    expect(page.body).not.toContain('id="file-check"');
  });

  it('serves the page by default, in Chinese, with each standing and the facts the document prints', async () => {
    const valid = String((await ask({ status: 'valid', ...document }, 'text/html,*/*;q=0.8')).body);
    expect(valid).toContain('<html lang="zh-CN">');
    expect(valid).toContain('>有效</p>');
    for (const fact of ['嘉奖令', '内蒙古自治区公安厅', '2020年2月5日', '内公奖〔2020〕12号', '第1版', 'b'.repeat(64)])
      expect(valid).toContain(fact);
    expect(valid).toContain(`data-sha256="${'b'.repeat(64)}"`);
    const revoked = String(
      (await ask({ status: 'revoked', ...document, revokedAt: '2020-03-01T09:00:00+08:00' })).body,
    );
    expect(revoked).toContain('已撤销（2020年3月1日）');
    const superseded = String((await ask({ status: 'superseded', ...document, currentVersion: 2 })).body);
    expect(superseded).toContain('已更正（现行为第2版');
  });

  it('escapes what it prints', async () => {
    const body = String((await ask({ status: 'valid', ...document, recipient: '<script>x</script>' })).body);
    expect(body).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(body.match(/<script>/g)).toHaveLength(1);
  });

  it('carries a strict CSP: its one script and style by hash, nothing loaded, posted or framed', async () => {
    const answer = await ask({ status: 'valid', ...document });
    const csp = String(answer.headers?.['content-security-policy']);
    const scriptHash = createHash('sha256').update(FILE_CHECK_SCRIPT).digest('base64');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src 'sha256-${scriptHash}'`);
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/]+=*'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(String(answer.body)).toContain(`<script>${FILE_CHECK_SCRIPT}</script>`);
    // The style in the page is the one the CSP hashes.
    const style = /<style>([\s\S]*?)<\/style>/.exec(String(answer.body))![1]!;
    expect(csp).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(answer.headers).toMatchObject({ 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  });

  it('answers 503 when the lookup fails, without saying why', async () => {
    const answer = await ask(new Error('ProvisionedThroughputExceededException: table awards'), 'application/json');
    expect(answer.statusCode).toBe(503);
    expect(String(answer.body)).not.toContain('awards');
  });

  it('gives JSON only to a client that prefers it over HTML', () => {
    expect(prefersJson('application/json')).toBe(true);
    expect(prefersJson('application/json, text/html;q=0.5')).toBe(true);
    expect(prefersJson('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe(false);
    expect(prefersJson('*/*')).toBe(false);
    expect(prefersJson(undefined)).toBe(false);
    expect(prefersJson('application/json;q=0')).toBe(false);
  });
});

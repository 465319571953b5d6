import { createHash } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { describe, expect, it } from 'vitest';
import { createVerifyHandler } from '../../../functions/verify/createVerifyHandler.js';

const lookups: string[] = [];
const handler = createVerifyHandler({
  service: {
    verify: async (code: string) => {
      lookups.push(code);
      return { status: 'not-found' };
    },
  } as never,
  logger: new Logger({ logLevel: 'SILENT' }),
});

const typed = (code?: string) =>
  handler({ queryStringParameters: code === undefined ? undefined : { code }, headers: { accept: 'text/html' } });

describe('GET /verify, the form for a printed code', () => {
  it('answers a form submitting to itself, under a CSP allowing only its style and its own address', async () => {
    const answer = await typed();
    expect(answer.statusCode).toBe(200);
    expect(answer.headers?.['content-type']).toBe('text/html; charset=utf-8');
    const body = String(answer.body);
    expect(body).toContain('<form method="get" action="/verify">');
    expect(body).toMatch(/<input id="code" name="code" required/);
    expect(body).not.toContain('<script');
    expect(body).not.toContain('id="error"');
    const csp = String(answer.headers?.['content-security-policy']);
    const style = /<style>([\s\S]*?)<\/style>/.exec(body)![1]!;
    expect(csp).toBe(
      `default-src 'none'; style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'; ` +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    expect(answer.headers).toMatchObject({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
  });

  it('redirects a code typed in any case, with or without hyphens or spaces, to its page as printed', async () => {
    for (const entry of ['AAAAA-BBBBB-CCCCC-DDDDD', 'aaaaabbbbbcccccddddd', ' aaaaa bbbbb-ccccc DDDDD ']) {
      const answer = await typed(entry);
      expect(answer.statusCode, entry).toBe(303);
      expect(answer.headers?.location, entry).toBe('/verify/AAAAA-BBBBB-CCCCC-DDDDD');
    }
    // Whether the code was ever given is the page's to say, not the redirect's.
    expect(lookups).toEqual([]);
  });

  it('shows the form again, with one line of error, for an entry that cannot be a code', async () => {
    for (const entry of ['AAAAA-BBBBB-CCCCC-DDDD1', 'AAAAA-BBBBB', '何建华', '<b>AAAAA</b>']) {
      const answer = await typed(entry);
      expect(answer.statusCode, entry).toBe(400);
      const body = String(answer.body);
      expect(body, entry).toContain('<p class="error" id="error">核验码格式不正确');
      expect(body, entry).toContain('<form method="get" action="/verify">');
      expect(answer.headers?.location).toBeUndefined();
    }
    expect(String((await typed('<b>AAAAA</b>')).body)).toContain('value="&lt;b&gt;AAAAA&lt;/b&gt;"');
    const blank = await typed('  ');
    expect(blank.statusCode).toBe(400);
    expect(String(blank.body)).toContain('<p class="error" id="error">请输入核验码。</p>');
  });

  it('is offered again by the page of a code that finds nothing', async () => {
    const answer = await handler({ pathParameters: { code: 'AAAAA-BBBBB-CCCCC-DDDDD' }, headers: {} });
    expect(answer.statusCode).toBe(404);
    expect(String(answer.body)).toContain('<a href="/verify">重新输入核验码</a>');
  });
});

import { describe, expect, it } from 'vitest';
import type { StaffPageConfig } from '../../../functions/staffPage/StaffPageConfig.js';
import { staffPageResponse } from '../../../functions/staffPage/staffPageResponse.js';

const files = new Map([
  ['index.html', '<!doctype html><title>战时表彰文书下载</title>'],
  ['app.js', 'console.log(1)'],
  ['style.css', 'body{}'],
]);
const hosted: StaffPageConfig = {
  signIn: {
    kind: 'oidc',
    authorizeUrl: 'https://a.example.org/authorize',
    tokenUrl: 'https://token.example.org/oauth2/token',
    clientId: 'c',
    scope: 'openid',
  },
};
const development: StaffPageConfig = {
  signIn: { kind: 'development', identities: [{ id: 'department', label: '公安厅工作人员（全区）' }] },
};

describe('the staff page’s responses', () => {
  it('serves the page at / and its files under /staff/ with their types', () => {
    const page = staffPageResponse('/', files, hosted);
    expect([page.status, page.headers['content-type'], page.body]).toEqual([
      200,
      'text/html; charset=utf-8',
      files.get('index.html'),
    ]);
    expect(staffPageResponse('/staff/app.js', files, hosted).headers['content-type']).toBe(
      'text/javascript; charset=utf-8',
    );
    expect(staffPageResponse('/staff/style.css', files, hosted).headers['content-type']).toBe(
      'text/css; charset=utf-8',
    );
  });

  it('serves the sign-in settings as /staff/config.json', () => {
    const config = staffPageResponse('/staff/config.json', files, development);
    expect(JSON.parse(config.body)).toEqual(development);
  });

  it('answers anything else with a 404 page, and never reads outside the page’s files', () => {
    for (const path of [
      '/index.html',
      '/staff/',
      '/staff/../package.json',
      '/staff/%2e%2e/x.js',
      '/staff/missing.js',
      '/awards',
    ]) {
      expect(staffPageResponse(path, files, hosted).status, path).toBe(404);
    }
    expect(staffPageResponse('/nothing', files, hosted).body).toContain('未找到此页面');
  });

  it('lets the page talk only to its origin and the token endpoint, and frame only its own drafts', () => {
    const policy = staffPageResponse('/', files, hosted).headers['content-security-policy'];
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("connect-src 'self' https://token.example.org;");
    expect(policy).toContain("frame-ancestors 'none'");
    // It frames nothing but the drafts it fetched itself, and embeds no plugin content.
    expect(policy).toContain('frame-src blob:;');
    expect(policy).toContain("object-src 'none'");
    expect(staffPageResponse('/', files, development).headers['content-security-policy']).toContain(
      "connect-src 'self';",
    );
  });
});

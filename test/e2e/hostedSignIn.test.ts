import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/LocalStack.js';
import { launchChromium } from '../support/chromium.js';
import { exampleJson } from '../support/examples.js';
import { type FakeOidcProvider, startFakeOidcProvider } from '../support/fakeOidcProvider.js';
import { startStaffStack } from '../support/staffStack.js';

/** The page's sign-in as it runs in AWS (authorization code with PKCE), against a stand-in hosted UI. */
let stack: LocalStack;
let provider: FakeOidcProvider;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  provider = await startFakeOidcProvider({
    clientId: 'staff-page',
    idToken: () => stack.api!.token({ sub: 'clerk-ordos', 'custom:region': '鄂尔多斯市', email: 'clerk@example.org' }),
  });
  stack = await startStaffStack([exampleJson('merit-he-xia')], {
    staffSignIn: {
      kind: 'oidc',
      authorizeUrl: `${provider.url}/authorize`,
      tokenUrl: `${provider.url}/token`,
      logoutUrl: `${provider.url}/logout`,
      clientId: 'staff-page',
      scope: 'openid email',
    },
  });
  browser = await launchChromium();
  page = await browser.newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await provider?.stop();
});

describe('signing in through the hosted UI', () => {
  it('returns from the sign-in service signed in, the code redeemed under PKCE and gone from the address', async () => {
    await page.goto(`${stack.api!.url}/`);
    await page.waitForSelector('#hosted-sign-in:not([hidden])');
    expect(await page.isVisible('#development-sign-in')).toBe(false);
    await page.click('#hosted-sign-in');
    await page.waitForSelector('#award-rows tr[data-award]');
    expect(await page.textContent('#who-label')).toBe('鄂尔多斯市 · clerk@example.org');
    expect(
      await page.$$eval('#award-rows tr[data-award]', (rows) => rows.map((row) => row.getAttribute('data-award'))),
    ).toEqual(['merit-he-xia']);
    expect(page.url()).toBe(`${stack.api!.url}/`);
    expect(provider.redeemed).toEqual([{ clientId: 'staff-page', pkce: true }]);
  });

  it('signs out through the sign-in service, back to the page', async () => {
    await page.click('#sign-out');
    await page.waitForSelector('#hosted-sign-in:not([hidden])');
    expect(page.url()).toBe(`${stack.api!.url}/`);
    expect(await page.evaluate(() => sessionStorage.getItem('staff-session-token'))).toBeNull();
  });

  it('refuses an answer it did not ask for', async () => {
    await page.goto(`${stack.api!.url}/?code=stolen&state=forged`);
    await page.waitForSelector('#notice:not([hidden])');
    expect(await page.textContent('#notice')).toBe('登录请求已失效，请重新登录。');
    expect(await page.isVisible('#hosted-sign-in')).toBe(true);
    expect(provider.redeemed).toHaveLength(1);
  });
});

import { decider } from '../support/deciders.js';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/LocalStack.js';
import { awardOfRecord } from '../../functions/core/award/Award.js';
import { waitForSettled } from '../../local/waitForSettled.js';
import { launchChromium } from '../support/chromium.js';
import { exampleJson } from '../support/examples.js';
import { startStaffStack } from '../support/staffStack.js';

/**
 * The staff page in a real browser against the local stack: sign in as 鄂尔多斯市's staff, find
 * an award, download its certificate, see a revoked and a failed award for what they are; then as
 * the department's staff, who open on 全区 and find an order by its 文号 however it is typed.
 * Screenshots go to $STAFF_PAGE_SCREENSHOTS when it is set.
 */
let stack: LocalStack;
let browser: Browser;
let page: Page;
const screenshots = process.env.STAFF_PAGE_SCREENSHOTS;

const heXia = exampleJson('merit-he-xia');
// A second 鄂尔多斯市 award, revoked after its certificate was made.
const revoked = { ...heXia, id: 'merit-ordos-revoked', recipient: { ...(heXia.recipient as object), name: '高志远' } };
// A third, written straight into the table approved, whose name no font can draw: its rendering fails.
const failing = { ...heXia, id: 'merit-ordos-failed', recipient: { ...(heXia.recipient as object), name: '高😀' } };
const order = exampleJson('commendation-order-2020-12');

async function shot(name: string) {
  if (screenshots) await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

async function search(q: string) {
  await page.fill('#q', q);
  await page.click('#search button[type=submit]');
  await page.waitForFunction(() => document.getElementById('result-summary')?.textContent !== '正在加载…');
}

const rowIds = () =>
  page.$$eval('#award-rows tr[data-award]', (rows) => rows.map((row) => row.getAttribute('data-award')));

beforeAll(async () => {
  stack = await startStaffStack([
    heXia,
    exampleJson('merit-he-jianhua'),
    revoked,
    order,
    exampleJson('telegram-condolence-he-jianhua'),
  ]);
  await stack.awards.create(awardOfRecord(failing));
  await waitForSettled(stack.awards, [failing.id]);
  await stack.approvals.revoke(revoked.id, '经复核撤销', decider('审核专班'));
  for (let tries = 0; !(await stack.awards.get(revoked.id))?.documents?.every((ref) => ref.withdrawn); tries += 1) {
    if (tries > 300) throw new Error('the revoked award’s certificate was never withdrawn');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (screenshots) mkdirSync(screenshots, { recursive: true });
  browser = await launchChromium();
  page = await (
    await browser.newContext({ acceptDownloads: true, viewport: { width: 1200, height: 800 }, locale: 'zh-CN' })
  ).newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the staff page', () => {
  it('signs a 盟市’s staff member in and lists that 盟市’s awards only', async () => {
    await page.goto(`${stack.api!.url}/`);
    await page.waitForSelector('#sign-in:not([hidden])');
    await shot('1-sign-in');
    await page.selectOption('#identity', { label: '鄂尔多斯市工作人员' });
    await page.click('#development-sign-in button[type=submit]');
    await page.waitForSelector('#award-rows tr[data-award]');
    expect(await page.textContent('#who-label')).toContain('鄂尔多斯市工作人员');
    expect((await rowIds()).sort()).toEqual(['merit-he-xia', 'merit-ordos-failed', 'merit-ordos-revoked']);
    // 鄂尔多斯市's staff choose no region: theirs is the only one they can see.
    expect(await page.isVisible('#region-field')).toBe(false);
    // What it awards and the recipient's unit, beside the name.
    const cells = await page.$$eval('tr[data-award="merit-he-xia"] td', (tds) => tds.map((td) => td.textContent));
    expect(cells.slice(1, 5)).toEqual(['个人三等功', '鄂尔多斯市乌审旗公安局', '—', '战时记功']);
    // The revoked award says when and why.
    const revokedRow = await page.textContent('tr[data-award="merit-ordos-revoked"]');
    expect(revokedRow).toMatch(/已撤销撤销日期 \d{4}年\d{1,2}月\d{1,2}日原因：经复核撤销/);
    await shot('2-list');
  });

  it('finds an award and downloads its certificate: the stored PDF and OFD under its Chinese name', async () => {
    await search('贺霞');
    expect(await rowIds()).toEqual(['merit-he-xia']);
    await page.click('button[data-award="merit-he-xia"]');
    const link = page.locator(
      'tr[data-documents-of="merit-he-xia"] a.download[data-kind="certificate"][data-format="pdf"]',
    );
    await link.waitFor();
    expect(await page.textContent('tr[data-documents-of="merit-he-xia"] .document-title')).toBe('荣誉证书');
    await shot('3-documents');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('荣誉证书-贺霞-个人三等功.pdf');
    const bytes = readFileSync((await download.path())!);
    const ref = (await stack.awards.get('merit-he-xia'))!.documents!.find(
      (document) => document.kind === 'certificate',
    )!;
    const stored = await stack.s3.client.send(new GetObjectCommand({ Bucket: stack.info.bucket, Key: ref.key }));
    const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
    expect(sha256(bytes)).toBe(sha256(await stored.Body!.transformToByteArray()));
    expect(sha256(bytes)).toBe(ref.sha256);

    // The pipeline stored an OFD beside it: offered as its own link, downloading that file, not the PDF.
    const ofdLink = page.locator('tr[data-documents-of="merit-he-xia"] a.download[data-format="ofd"]');
    expect(await ofdLink.textContent()).toBe('下载 OFD 版式文件');
    const [ofdDownload] = await Promise.all([page.waitForEvent('download'), ofdLink.click()]);
    expect(ofdDownload.suggestedFilename()).toBe('荣誉证书-贺霞-个人三等功.ofd');
    expect(sha256(readFileSync((await ofdDownload.path())!))).toBe(ref.ofd!.sha256);
  });

  it('lists a revoked award’s certificate as withdrawn, with no link', async () => {
    await search('高志远');
    await page.click('button[data-award="merit-ordos-revoked"]');
    const documents = page.locator('tr[data-documents-of="merit-ordos-revoked"]');
    await documents.waitFor();
    expect(await documents.textContent()).toContain('已撤回（表彰已撤销），不可下载');
    expect(await documents.locator('a').count()).toBe(0);
    await shot('4-withdrawn');
  });

  it('says an award whose rendering failed failed, and why, instead of asking to wait', async () => {
    await search('');
    expect(await page.textContent('tr[data-award="merit-ordos-failed"]')).toContain('生成失败');
    await page.click('button[data-award="merit-ordos-failed"]');
    const documents = page.locator('tr[data-documents-of="merit-ordos-failed"]');
    await documents.waitFor();
    const text = await documents.textContent();
    expect(text).toMatch(/^生成失败：.+。请联系审核人员更正记录。$/);
    expect(text).not.toContain('正在生成');
    await shot('4-failed');
  });

  it('does not show another 盟市’s award, neither in a search nor when asked for by id', async () => {
    await search('何建华');
    expect(await rowIds()).toEqual([]);
    expect(await page.textContent('#empty')).toContain('未找到与“何建华”相关的表彰记录。');
    await shot('5-not-found');
    // Asked for directly with the page's own token, the award answers as a missing one would.
    const status = await page.evaluate(async () => {
      const token = sessionStorage.getItem('staff-session-token');
      return (await fetch('/awards/merit-he-jianhua/documents', { headers: { authorization: `Bearer ${token}` } }))
        .status;
    });
    expect(status).toBe(404);
  });

  it('shows the statistics bulletins tab, and signs out', async () => {
    await page.click('#tab-bulletins');
    await page.waitForSelector('#bulletin-list .empty:not(:has-text("正在加载"))');
    expect(await page.textContent('#bulletin-list')).toContain('尚未编制统计通报');
    await page.click('#sign-out');
    await page.waitForSelector('#sign-in:not([hidden])');
    expect(await page.evaluate(() => sessionStorage.getItem('staff-session-token'))).toBeNull();
  });

  it('opens on 全区 for the department’s staff, and finds an order by its 文号 whatever brackets are typed', async () => {
    await page.selectOption('#identity', { label: '公安厅工作人员（全区）' });
    await page.click('#development-sign-in button[type=submit]');
    await page.waitForSelector('#award-rows tr[data-award]');
    expect(await page.isVisible('#region-field')).toBe(true);
    expect(await page.$eval('#region', (select) => (select as HTMLSelectElement).selectedOptions[0]!.text)).toBe(
      '全区',
    );
    const all = await rowIds();
    expect(all).toEqual(expect.arrayContaining(['merit-he-xia', 'merit-he-jianhua', order.id]));
    // A telegram to the family of the fallen is listed as the 唁电 it is.
    const telegram = await page.$$eval('tr[data-award="telegram-condolence-he-jianhua"] td', (tds) =>
      tds.map((td) => td.textContent),
    );
    expect(telegram[4]).toBe('唁电');
    await shot('6-department');
    // The pipeline numbers the order from the sequence: its 文号 is read back, typed three ways.
    const number = (await stack.awards.get(String(order.id)))!.record.documentNumber!;
    expect(number).toMatch(/^内公奖〔2020〕\d+号$/);
    for (const q of [
      number.replace('〔', '(').replace('〕', ')'),
      number.replace('〔', '[').replace('〕', ']'),
      number,
    ]) {
      await search(q);
      expect(await rowIds(), q).toEqual([order.id]);
    }
    const cells = await page.$$eval(`tr[data-award="${order.id}"] td`, (tds) => tds.map((td) => td.textContent));
    expect(cells.slice(1, 4)).toEqual(['嘉奖令（7人）', '内蒙古自治区公安厅', number]);
    await shot('7-document-number');
  });
});

import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwardWorkflow } from '../../functions/core/award/AwardWorkflow.js';
import type { LocalStack } from '../../local/LocalStack.js';
import { launchChromium } from '../support/chromium.js';
import { decider } from '../support/deciders.js';
import { exampleJson } from '../support/examples.js';
import { startStaffStack } from '../support/staffStack.js';

/**
 * The approvers' 审批 tab in a real browser against the local stack: a department approver reads
 * a draft and approves (the certificate then shows on the awards tab), returns an award that the
 * clerk corrects with the CLI, approves a batch, and meets an award that cannot be drawn and one
 * that moved meanwhile; a 盟市's approver sees that 盟市's awards only; staff who are no approvers
 * see no tab and are refused by the routes.
 * Screenshots go to $STAFF_PAGE_SCREENSHOTS when it is set.
 */
let stack: LocalStack;
let browser: Browser;
let page: Page;
let dataDir: string;
const screenshots = process.env.STAFF_PAGE_SCREENSHOTS;
const clerk = decider('录入员');

const heXia = exampleJson('merit-he-xia');
const heJianhua = exampleJson('merit-he-jianhua');
const batch = [exampleJson('merit-zhang-peng'), exampleJson('commendation-sun-dejian')];
const movedMeanwhile = exampleJson('merit-yang-tao');
// A name no font has, written straight into the table (the submission's preflight would refuse it).
const undrawable = { ...heXia, id: 'merit-undrawable', recipient: { ...(heXia.recipient as object), name: '王😀' } };

async function shot(name: string) {
  if (screenshots) await page.screenshot({ path: join(screenshots, `desk-${name}.png`), fullPage: true });
}

const reviewIds = () =>
  page.$$eval('#review-rows tr[data-review-item]', (rows) => rows.map((row) => row.getAttribute('data-review-item')));

async function reviewList(status: '待审批' | '已退回') {
  await page.selectOption('#review-status', { label: status });
  await page.waitForFunction(() => document.getElementById('review-summary')?.textContent !== '正在加载…');
}

/** The answer's status for a desk request made with the page's own token. */
function askWithPageToken(path: string, body?: unknown): Promise<number> {
  return page.evaluate(
    async ({ path, body }) => {
      const token = sessionStorage.getItem('staff-session-token');
      const init: RequestInit =
        body === undefined
          ? { headers: { authorization: `Bearer ${token}` } }
          : {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: JSON.stringify(body),
            };
      return (await fetch(path, init)).status;
    },
    { path, body },
  );
}

async function signIn(identity: string) {
  await page.goto(`${stack.api!.url}/`);
  await page.waitForSelector('#sign-in:not([hidden])');
  await page.selectOption('#identity', identity);
  await page.click('#development-sign-in button[type=submit]');
  await page.waitForSelector('#workspace:not([hidden])');
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-stack-'));
  // Announced, so that the approver's CLI finds this stack by its --data.
  stack = await startStaffStack([], { dataDir, announce: true });
  for (const record of [heXia, heJianhua, ...batch, movedMeanwhile]) await stack.approvals.submit(record, clerk);
  await new AwardWorkflow(stack.awards).submit(undrawable, clerk);
  if (screenshots) mkdirSync(screenshots, { recursive: true });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })).newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the approvers’ 审批 tab', () => {
  it('is not offered to staff who are no approvers, whom the routes refuse', async () => {
    for (const identity of ['department', 'region-6']) {
      await signIn(identity);
      await page.waitForSelector('#award-rows tr[data-award], #empty:not([hidden])');
      expect(await page.isVisible('#tab-review')).toBe(false);
      expect(await askWithPageToken('/review?status=SUBMITTED')).toBe(403);
      expect(await askWithPageToken('/awards/merit-he-xia/draft')).toBe(403);
      expect(await askWithPageToken('/awards/merit-he-xia/approve', { revision: 0 })).toBe(403);
      expect(await askWithPageToken('/awards/approve', { items: [{ id: 'merit-he-xia', revision: 0 }] })).toBe(403);
      if (identity === 'department') await shot('1-staff-no-tab');
      await page.click('#sign-out');
    }
  });

  it('lists the awards waiting for the department’s approver, an undrawable one with its problem', async () => {
    await signIn('approver');
    expect(await page.isVisible('#tab-review')).toBe(true);
    await page.click('#tab-review');
    await page.waitForSelector('#review-rows tr[data-review-item]');
    expect((await reviewIds()).sort()).toEqual([
      'commendation-sun-dejian',
      'merit-he-jianhua',
      'merit-he-xia',
      'merit-undrawable',
      'merit-yang-tao',
      'merit-zhang-peng',
    ]);
    const problemRow = page.locator('tr[data-review-item="merit-undrawable"]');
    expect(await problemRow.locator('.status-problem').textContent()).toBe('1 个问题');
    expect(await problemRow.locator('input[data-select]').isDisabled()).toBe(true);
    await problemRow.locator('button[data-review]').click();
    const detail = page.locator('tr[data-review-of="merit-undrawable"]');
    expect(await detail.locator('.problems').first().textContent()).toContain('recipient.name');
    expect(await detail.locator('button[data-decision=approve]').isDisabled()).toBe(true);
    // Its draft cannot be drawn either: the page says why, naming the field (422).
    await detail.locator('.draft-missing').waitFor();
    expect(await detail.locator('.draft-missing').textContent()).toContain('字段 recipient.name');
    await shot('2-undrawable');
    await problemRow.locator('button[data-review]').click();
  });

  it('shows a draft in the page, fetched with the token, and approves the award: its certificate follows', async () => {
    const draftAnswer = page.waitForResponse((response) => response.url().endsWith('/awards/merit-he-xia/draft'));
    await page.click('button[data-review="merit-he-xia"]');
    const answer = await draftAnswer;
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toBe('application/pdf');
    const detail = page.locator('tr[data-review-of="merit-he-xia"]');
    const frame = detail.locator('iframe.draft-frame');
    await frame.waitFor();
    const src = (await frame.getAttribute('src'))!;
    expect(src).toMatch(/^blob:/);
    expect(src.startsWith(`${await detail.locator('a.open-draft').getAttribute('href')}#`)).toBe(true);
    expect((await answer.body()).subarray(0, 5).toString()).toBe('%PDF-');
    // The frame shows that PDF from its blob: address (same origin, so the page can look into it).
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLIFrameElement>('tr[data-review-of="merit-he-xia"] iframe')?.contentDocument
          ?.contentType === 'application/pdf',
    );
    expect(await detail.locator('dl.award-facts').textContent()).toContain('贺霞');
    // The viewer draws the page a moment after the frame has loaded: worth the wait only for a screenshot.
    if (screenshots) await page.waitForTimeout(3000);
    await shot('3-draft');

    await detail.locator('button[data-decision=approve]').click();
    await page.waitForSelector('#review-outcome:has-text("已批准：贺霞")');
    expect(await reviewIds()).not.toContain('merit-he-xia');
    expect((await stack.awards.get('merit-he-xia'))!.record.status).toBe('APPROVED');

    // The staff view of the same page offers its certificate within seconds.
    await page.click('#tab-awards');
    if (await page.isVisible('#region-field')) await page.selectOption('#region', '鄂尔多斯市');
    await page.fill('#q', '贺霞');
    const link = page.locator(
      'tr[data-documents-of="merit-he-xia"] a.download[data-kind="certificate"][data-format="pdf"]',
    );
    const deadline = Date.now() + 20_000;
    while (!(await link.isVisible())) {
      if (Date.now() > deadline) throw new Error('the approved award’s certificate never appeared on the awards tab');
      await page.click('#search button[type=submit]');
      await page.click('button[data-award="merit-he-xia"]');
      await page.waitForSelector('tr[data-documents-of="merit-he-xia"]');
      if (!(await link.isVisible())) await page.waitForTimeout(500);
    }
    await shot('4-certificate');
  });

  it('returns an award with its reason; corrected with the CLI it comes back as 待审批, version 2', async () => {
    await page.click('#tab-review');
    await page.waitForSelector('button[data-review="merit-he-jianhua"]');
    await page.click('button[data-review="merit-he-jianhua"]');
    const detail = page.locator('tr[data-review-of="merit-he-jianhua"]');
    // No reason, no return.
    await detail.locator('button[data-decision=return]').click();
    expect(await detail.locator('.decision-message').textContent()).toBe('请填写退回修改的原因。');
    await detail.locator('textarea[name=reason]').fill('单位名称有误，请核对后重新提交。');
    await detail.locator('button[data-decision=return]').click();
    await page.waitForSelector('#review-outcome:has-text("已退回修改：何建华")');
    expect(await reviewIds()).not.toContain('merit-he-jianhua');

    await reviewList('已退回');
    expect(await reviewIds()).toEqual(['merit-he-jianhua']);
    const returned = page.locator('tr[data-review-item="merit-he-jianhua"]');
    expect(await returned.locator('.reason').textContent()).toBe('原因：单位名称有误，请核对后重新提交。');
    await shot('5-returned');

    const corrected = join(dataDir, 'merit-he-jianhua-corrected.json');
    const recipient = { ...(heJianhua.recipient as object), unit: '兴安盟突泉县公安局交通管理大队' };
    writeFileSync(corrected, JSON.stringify({ ...heJianhua, recipient }));
    const { stdout } = await promisify(execFile)(
      'npx',
      ['tsx', 'scripts/awards.ts', '--local', '--data', dataDir, 'correct', corrected, '--as', 'department'],
      { timeout: 60_000 },
    );
    expect(stdout).toContain('corrected merit-he-jianhua: now version 2 (SUBMITTED)');

    await reviewList('已退回');
    expect(await reviewIds()).toEqual([]);
    await reviewList('待审批');
    const back = page.locator('tr[data-review-item="merit-he-jianhua"]');
    expect(await back.locator('td[data-version]').getAttribute('data-version')).toBe('2');
    expect(await back.locator('.status').first().textContent()).toBe('待审批');
  }, 90_000);

  it('approves the selected awards at once, and reloads an award that moved meanwhile', async () => {
    // Returned behind the page's back: the page still shows it as waiting, on its old revision.
    await stack.approvals.returnForCorrection('merit-yang-tao', '另行核实', decider('另一位审批人'));
    await page.click('button[data-review="merit-yang-tao"]');
    await page.click('tr[data-review-of="merit-yang-tao"] button[data-decision=approve]');
    await page.waitForSelector('#review-outcome.warning');
    expect(await page.textContent('#review-outcome')).toContain('已有变化');
    expect(await reviewIds()).not.toContain('merit-yang-tao');

    for (const { id } of batch) await page.check(`input[data-select="${String(id)}"]`);
    expect(await page.textContent('#approve-selected')).toBe('批准所选（2）');
    await shot('6-selected');
    await page.click('#approve-selected');
    await page.waitForSelector('#review-outcome:has-text("已批准 2 项表彰")');
    for (const { id } of batch) expect((await stack.awards.get(String(id)))!.record.status).toBe('APPROVED');
    expect((await reviewIds()).sort()).toEqual(['merit-he-jianhua', 'merit-undrawable']);
    await shot('7-after-batch');
  });

  it('shows a 盟市’s approver the awards of that 盟市 only', async () => {
    await page.click('#sign-out');
    await signIn('approver-region-6');
    expect(await page.textContent('#who-label')).toBe('鄂尔多斯市审批人');
    await page.click('#tab-review');
    await page.waitForSelector('#review-rows tr[data-review-item]');
    expect(await reviewIds()).toEqual(['merit-undrawable']);
    // Another 盟市's award answers as a missing one would.
    expect(await askWithPageToken('/awards/merit-he-jianhua/draft')).toBe(404);
  });
});

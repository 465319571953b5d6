import { decider } from '../support/deciders.js';
import { createHash } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRef } from '../../functions/core/award/Award.js';
import { dataLayout, type LocalStack } from '../../local/LocalStack.js';
import { waitForSettled } from '../../local/waitForSettled.js';
import { launchChromium } from '../support/chromium.js';
import { exampleJson } from '../support/examples.js';
import { pdfText } from '../support/poppler.js';
import { decodeQrCodes } from '../support/qrCodes.js';
import { startStaffStack } from '../support/staffStack.js';

/**
 * The verification page against the local stack, as whoever holds a document uses it: the code
 * the award's certificate carries answers valid with the stored PDF's SHA-256; a revocation
 * shows at once; a correction leaves the earlier version superseded; other codes find nothing.
 */
let stack: LocalStack;
let dataDir: string;
const ids = ['merit-he-xia', 'merit-he-jianhua', 'merit-zhang-peng'];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'verify-stack-'));
  stack = await startStaffStack(ids.map(exampleJson), { dataDir });
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

const certificateOf = async (id: string, version = 1): Promise<DocumentRef> => {
  const ref = (await stack.awards.get(id))!.documents.find((document) => document.version === version)!;
  expect(ref.verificationCode).toMatch(/^[A-Z2-7]{5}(-[A-Z2-7]{5}){3}$/);
  return ref;
};

const verify = async (code: string, accept = 'application/json') => {
  const answer = await fetch(`${stack.api!.url}/verify/${code}`, { headers: { accept } });
  return { status: answer.status, headers: answer.headers, body: await answer.text() };
};

const storedBytes = async (key: string) =>
  Buffer.from(
    await (
      await stack.s3.client.send(new GetObjectCommand({ Bucket: stack.info.bucket, Key: key }))
    ).Body!.transformToByteArray(),
  );

describe('the local verification page', () => {
  it('marks documents with codes that open this stack’s own page, from a secret kept under --data', () => {
    expect(stack.marks.baseUrl).toBe(stack.api!.url);
    const secretFile = statSync(dataLayout(dataDir).verificationSecret);
    expect(secretFile.mode & 0o777).toBe(0o600);
  });

  it('says an approved award’s document is valid, with the stored PDF’s and OFD’s SHA-256', async () => {
    const ref = await certificateOf('merit-he-xia');
    const answer = await verify(ref.verificationCode!);
    expect(answer.status).toBe(200);
    const hash = async (key: string) =>
      createHash('sha256')
        .update(await storedBytes(key))
        .digest('hex');
    const [sha256, ofdSha256] = [await hash(ref.key), await hash(ref.ofd!.key)];
    expect(JSON.parse(answer.body)).toEqual({
      status: 'valid',
      kind: 'certificate',
      title: '荣誉证书',
      award: '个人三等功',
      authority: '内蒙古自治区公安厅',
      issuedAt: expect.any(String),
      recipient: '贺*',
      unit: '鄂尔多斯市乌审旗公安局',
      version: 1,
      sha256,
      ofdSha256,
    });
    // Typed by hand: lower case, without the hyphens.
    const typed = await verify(ref.verificationCode!.toLowerCase().replaceAll('-', ''));
    expect(JSON.parse(typed.body)).toMatchObject({ status: 'valid', sha256 });
    const page = await verify(ref.verificationCode!, 'text/html');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.body).toContain('>有效</p>');
    expect(page.body).toContain(sha256);
    expect(page.body).toContain(`data-ofd-sha256="${ofdSha256}"`);
    expect(page.body).not.toContain('merit-he-xia');
  });

  it('prints on the stored certificate a QR code that a reader decodes to this page, which says valid', async () => {
    const ref = await certificateOf('merit-zhang-peng');
    const pdf = await storedBytes(ref.key);
    // As a phone reads the printed sheet: the page at 300 dpi, decoded by zbar.
    const [url, ...more] = await decodeQrCodes(pdf);
    expect(more).toEqual([]);
    expect(url).toBe(`${stack.api!.url}/verify/${ref.verificationCode}`);
    expect(pdfText(pdf).replace(/\s+/g, '')).toContain(ref.verificationCode);
    const answer = await fetch(url!, { headers: { accept: 'application/json' } });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { status: string; sha256: string; recipient: string };
    expect(body.status).toBe('valid');
    expect(body.recipient).toBe('张*');
    expect(body.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
  });

  it('says revoked the moment the award is, without waiting for the pipeline', async () => {
    const ref = await certificateOf('merit-he-xia');
    await stack.approvals.revoke('merit-he-xia', '核查不实', decider('审核专班'));
    const answer = JSON.parse((await verify(ref.verificationCode!)).body);
    expect(answer).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    expect(JSON.stringify(answer)).not.toContain('核查不实');
    expect((await verify(ref.verificationCode!, 'text/html')).body).toMatch(/已撤销（\d{4}年\d+月\d+日）/);
  });

  it('says the earlier version is superseded once the award is corrected, and the new one valid', async () => {
    const first = await certificateOf('merit-he-jianhua');
    await stack.approvals.correct(
      {
        ...exampleJson('merit-he-jianhua'),
        id: 'merit-he-jianhua',
        deed: '在疫情防控一线忠诚履职，表现突出',
      },
      decider('录入员'),
    );
    await waitForSettled(stack.awards, ['merit-he-jianhua']);
    const second = await certificateOf('merit-he-jianhua', 2);
    expect(second.verificationCode).not.toBe(first.verificationCode);
    expect(JSON.parse((await verify(first.verificationCode!)).body)).toMatchObject({
      status: 'superseded',
      version: 1,
      currentVersion: 2,
      sha256: first.sha256,
    });
    expect((await verify(first.verificationCode!, 'text/html')).body).toContain('已更正（现行为第2版');
    expect(JSON.parse((await verify(second.verificationCode!)).body)).toMatchObject({
      status: 'valid',
      version: 2,
      sha256: second.sha256,
    });
  });

  it('answers 404 alike for an unknown code and a malformed one', async () => {
    const known = (await certificateOf('merit-zhang-peng')).verificationCode!;
    // One character off a real code: nothing says how close it came.
    const near = `${known.slice(0, -1)}${known.endsWith('A') ? 'B' : 'A'}`;
    for (const code of [near, 'AAAAA-AAAAA-AAAAA-AAAAA', 'not-a-code', '%E4%BD%95']) {
      const answer = await verify(code);
      expect(answer.status, code).toBe(404);
      expect(JSON.parse(answer.body)).toEqual({ status: 'not-found', message: '未找到' });
    }
    const page = await verify(near, 'text/html');
    expect(page.status).toBe(404);
    expect(page.body).toContain('>未找到</p>');
  });
});

describe('the page’s file check and the code form, in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('says 一致 for the stored PDF and its OFD, and 不一致 for a copy with one byte changed', async () => {
    const ref = await certificateOf('merit-zhang-peng');
    const bytes = await storedBytes(ref.key);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(`${stack.api!.url}/verify/${ref.verificationCode}`);
    expect(await page.textContent('#status')).toBe('有效');
    const check = async (buffer: Buffer) => {
      await page.setInputFiles('#file', { name: '荣誉证书.pdf', mimeType: 'application/pdf', buffer });
      await page.waitForSelector('#check-result[data-outcome]');
      const outcome = await page.getAttribute('#check-result', 'data-outcome');
      const text = (await page.textContent('#check-result'))!;
      await page.setInputFiles('#file', []);
      return { outcome, text };
    };
    const same = await check(bytes);
    expect(same.outcome).toBe('match');
    expect(same.text).toMatch(/^一致/);
    const changed = Buffer.from(bytes);
    const middle = Math.floor(changed.length / 2);
    changed[middle] = changed[middle]! ^ 0x01;
    const other = await check(changed);
    expect(other.outcome).toBe('mismatch');
    expect(other.text).toMatch(/^不一致/);
    // The OFD stored beside the PDF is the same document: it checks too.
    const ofd = await storedBytes(ref.ofd!.key);
    expect((await check(ofd)).outcome).toBe('match');
    // The CSP let the page's own script run, and nothing was refused.
    expect(errors).toEqual([]);
  }, 60_000);

  it('takes a code typed into the form at /verify to its page, and refuses a malformed one on the form', async () => {
    const ref = await certificateOf('merit-zhang-peng');
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(`${stack.api!.url}/verify`);
    // As read off the paper: lower case, in groups split by spaces.
    await page.fill('#code', ref.verificationCode!.toLowerCase().replaceAll('-', ' '));
    await Promise.all([page.waitForURL(`**/verify/${ref.verificationCode}`), page.click('button[type=submit]')]);
    expect(await page.textContent('#status')).toBe('有效');
    expect(await page.textContent('dl')).toContain('奖励个人三等功');
    expect(await page.textContent('dl')).toContain('呼伦贝尔市海拉尔区公安分局***派出所');
    // The form and the page, each under its own CSP: nothing refused.
    expect(errors).toEqual([]);
    await page.goto(`${stack.api!.url}/verify`);
    await page.fill('#code', 'AAAAA-BBBBB-CCCCC-DDDD1');
    const [refused] = await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    expect(refused!.status()).toBe(400);
    expect(await page.textContent('#error')).toMatch(/^核验码格式不正确/);
    expect(await page.inputValue('#code')).toBe('AAAAA-BBBBB-CCCCC-DDDD1');
    // Chromium logs the 400 itself; nothing else.
    expect(errors).toEqual([expect.stringContaining('status of 400')]);
  }, 60_000);
});

import { decider } from '../support/deciders.js';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/LocalStack.js';
import { exampleJson } from '../support/examples.js';
import { startStaffStack } from '../support/staffStack.js';

let stack: LocalStack;
const ids = ['merit-he-xia', 'merit-he-jianhua'];

beforeAll(async () => {
  stack = await startStaffStack(ids.map(exampleJson));
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

const ordos = { sub: 'clerk-ordos', 'custom:region': '鄂尔多斯市' };
const get = (path: string, token?: string) =>
  fetch(`${stack.api!.url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

describe('the local staff server', () => {
  it('lists a region’s awards and links the stored PDF and OFD under Chinese and ASCII names', async () => {
    const token = stack.api!.token(ordos);
    const list = (await (await get('/awards', token)).json()) as { items: { id: string }[] };
    expect(list.items.map((item) => item.id)).toEqual(['merit-he-xia']);
    const answer = (await (await get('/awards/merit-he-xia/documents', token)).json()) as {
      documents: { url: string; sha256: string; ofd?: { url: string; sha256: string; bytes: number } }[];
    };
    const [document] = answer.documents;
    const download = await fetch(document!.url);
    expect(download.status).toBe(200);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(document!.sha256);
    expect(decodeURIComponent(new URL(document!.url).searchParams.get('response-content-disposition')!)).toContain(
      `attachment; filename="certificate-merit-he-xia-v1.pdf"; filename*=UTF-8''荣誉证书-贺霞-个人三等功.pdf`,
    );

    // The OFD the pipeline stored beside it: its own link, its own bytes, named and typed as OFD.
    const ofd = document!.ofd!;
    expect(new URL(ofd.url).pathname).toMatch(/\/awards\/merit-he-xia\/certificate-v1\.ofd$/);
    const ofdDownload = await fetch(ofd.url);
    expect(ofdDownload.status).toBe(200);
    const ofdBytes = Buffer.from(await ofdDownload.arrayBuffer());
    expect(ofdBytes.length).toBe(ofd.bytes);
    expect(createHash('sha256').update(ofdBytes).digest('hex')).toBe(ofd.sha256);
    expect(ofd.sha256).not.toBe(document!.sha256);
    expect(new URL(ofd.url).searchParams.get('response-content-type')).toBe('application/ofd');
    expect(decodeURIComponent(new URL(ofd.url).searchParams.get('response-content-disposition')!)).toContain(
      "filename*=UTF-8''荣誉证书-贺霞-个人三等功.ofd",
    );
  });

  it('searches a region’s awards by name as DynamoDB evaluates the filter', async () => {
    const token = stack.api!.token(ordos);
    const found = (await (await get(`/awards?q=${encodeURIComponent('贺')}`, token)).json()) as {
      items: { id: string }[];
    };
    expect(found.items.map((item) => item.id)).toEqual(['merit-he-xia']);
    const none = (await (await get(`/awards?q=${encodeURIComponent('何建华')}`, token)).json()) as { items: unknown[] };
    expect(none.items).toEqual([]);
  });

  it('hides another region’s award, and refuses missing, forged and expired tokens', async () => {
    expect((await get('/awards/merit-he-jianhua/documents', stack.api!.token(ordos))).status).toBe(404);
    expect((await get('/awards')).status).toBe(401);
    expect(((await (await get('/awards', `${stack.api!.token(ordos)}x`)).json()) as { error: string }).error).toBe(
      'sign in again: bad signature',
    );
    expect(((await (await get('/awards', stack.api!.token(ordos, 0))).json()) as { error: string }).error).toBe(
      'sign in again: expired token',
    );
  });

  it('stops handing out links the moment an award is revoked, and writes every answer to the audit file', async () => {
    const token = stack.api!.token(ordos);
    const documents = async () =>
      ((await (await get('/awards/merit-he-xia/documents', token)).json()) as { documents: { url?: string }[] })
        .documents;
    expect((await documents())[0]!.url).toBeDefined();
    await stack.approvals.revoke('merit-he-xia', '核查不实', decider('审核专班'));
    // Asked again at once: the pipeline may not have withdrawn the document yet, and no link is given.
    const [withdrawn] = await documents();
    expect(withdrawn).toMatchObject({ withdrawn: true });
    expect(withdrawn!.url).toBeUndefined();
    await get('/awards/merit-he-jianhua/documents', token);

    const lines = readFileSync(stack.audit.path, 'utf8').trim().split('\n');
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const key = 'awards/merit-he-xia/certificate-v1.pdf';
    const about = (recordId: string) => entries.filter((entry) => entry.recordId === recordId);
    // Each format's link is issued, and refused, on a line of its own.
    const last = about('merit-he-xia').slice(-4);
    expect(last.map((entry) => [entry.action, entry.key])).toEqual([
      ['link-issued', key],
      ['link-issued', 'awards/merit-he-xia/certificate-v1.ofd'],
      ['link-refused', key],
      ['link-refused', 'awards/merit-he-xia/certificate-v1.ofd'],
    ]);
    expect([last[0], last[2]]).toEqual([
      {
        at: expect.any(String),
        action: 'link-issued',
        subject: 'clerk-ordos',
        scope: '鄂尔多斯市',
        recordId: 'merit-he-xia',
        key,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        expiresAt: expect.any(String),
        status: 200,
        // The hash of the line before: the trail is a chain.
        prev: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
      {
        at: expect.any(String),
        action: 'link-refused',
        subject: 'clerk-ordos',
        scope: '鄂尔多斯市',
        recordId: 'merit-he-xia',
        key,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        status: 200,
        reason: 'the award is REVOKED',
        prev: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
    expect(about('merit-he-jianhua').at(-1)).toMatchObject({
      action: 'request-refused',
      status: 404,
      subject: 'clerk-ordos',
    });
    // Refused tokens are in the trail too.
    expect(entries.filter((entry) => entry.status === 401).length).toBeGreaterThan(0);
  });

  it('writes each refused or emptied request to the audit file: what was asked, by whom and why', async () => {
    const token = stack.api!.token(ordos);
    const entries = () =>
      readFileSync(stack.audit.path, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    const before = entries().length;
    expect((await get('/awards/..%2F..%2Fetc/documents', token)).status).toBe(400);
    expect((await get('/awards?sort=name', token)).status).toBe(400);
    expect((await get(`/awards?region=${encodeURIComponent('北京市')}`, token)).status).toBe(400);
    const foreign = await get(`/awards?region=${encodeURIComponent('兴安盟')}`, token);
    expect([foreign.status, ((await foreign.json()) as { items: unknown[] }).items]).toEqual([200, []]);
    expect((await get('/awards', `${token}x`)).status).toBe(401);
    const refused = entries().slice(before);
    expect(
      refused.map(({ action, status, subject, scope, request }) => [action, status, subject, scope, request]),
    ).toEqual([
      ['request-refused', 400, 'clerk-ordos', '鄂尔多斯市', { method: 'GET', path: '/awards/..%2F..%2Fetc/documents' }],
      [
        'request-refused',
        400,
        'clerk-ordos',
        '鄂尔多斯市',
        { method: 'GET', path: '/awards', query: { sort: 'name' } },
      ],
      [
        'request-refused',
        400,
        'clerk-ordos',
        '鄂尔多斯市',
        { method: 'GET', path: '/awards', query: { region: '北京市' } },
      ],
      [
        'request-refused',
        200,
        'clerk-ordos',
        '鄂尔多斯市',
        { method: 'GET', path: '/awards', query: { region: '兴安盟' } },
      ],
      ['request-refused', 401, undefined, undefined, { method: 'GET', path: '/awards' }],
    ]);
    expect(refused.every((entry) => typeof entry.reason === 'string' && entry.reason !== '')).toBe(true);
  });

  it('serves the staff page and its development sign-in settings on the same origin', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self';");
    expect(await page.text()).toContain('<title>战时表彰文书下载</title>');
    const config = (await (await get('/staff/config.json')).json()) as {
      signIn: { kind: string; identities: { id: string; label: string }[] };
    };
    expect(config.signIn.kind).toBe('development');
    // The department's staff and approver, and each 盟市's staff and approver.
    const ids = config.signIn.identities.map((identity) => identity.id);
    expect(ids).toHaveLength(26);
    expect(ids).toEqual(expect.arrayContaining(['department', 'region-12', 'approver', 'approver-region-12']));
    expect((await get('/staff/app.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('signs in as a development identity, and refuses an unknown one', async () => {
    const signIn = (body: string) =>
      fetch(`${stack.api!.url}/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const config = (await (await get('/staff/config.json')).json()) as {
      signIn: { identities: { id: string; label: string }[] };
    };
    const ordosStaff = config.signIn.identities.find((identity) => identity.label === '鄂尔多斯市工作人员')!;
    const { token } = (await (await signIn(JSON.stringify({ identity: ordosStaff.id }))).json()) as { token: string };
    const list = (await (await get('/awards', token)).json()) as { items: { id: string }[] };
    expect(list.items.map((item) => item.id)).toEqual(['merit-he-xia']);
    const unknown = await signIn(JSON.stringify({ identity: 'administrator' }));
    expect([unknown.status, ((await unknown.json()) as { error: string }).error]).toEqual([
      400,
      'unknown development identity: administrator',
    ]);
    expect((await signIn('not json')).status).toBe(400);
  });
});

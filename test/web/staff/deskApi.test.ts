import { describe, expect, it } from 'vitest';
import { createDeskApi, DeskApiError } from '../../../web/staff/deskApi.js';
import { StaffApiError } from '../../../web/staff/staffApi.js';

function desk(status: number, body: BodyInit, headers: Record<string, string> = {}) {
  const requests: { url: string; method: string; headers: Headers; body?: unknown }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    requests.push({
      url,
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      ...(typeof init.body === 'string' ? { body: JSON.parse(init.body) as unknown } : {}),
    });
    return new Response(body, { status, headers });
  }) as unknown as typeof globalThis.fetch;
  return { api: createDeskApi({ token: () => 'tok', fetch }), requests };
}

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DeskApiError);
  return error as DeskApiError;
};

describe('the page’s desk client', () => {
  it('reads the review list with the bearer token and only the filled-in query fields', async () => {
    const { api, requests } = desk(200, JSON.stringify({ items: [] }));
    expect(await api.review({ status: 'RETURNED', q: '', cursor: 'abc' })).toEqual({ items: [] });
    expect(requests[0]).toMatchObject({ url: '/review?status=RETURNED&cursor=abc', method: 'GET' });
    expect(requests[0]!.headers.get('authorization')).toBe('Bearer tok');
  });

  it('fetches a draft as a PDF blob, to be shown from a blob: address', async () => {
    const { api, requests } = desk(200, '%PDF-1.7 …', { 'content-type': 'application/pdf' });
    const blob = await api.draft('merit-he-xia');
    expect(blob.type).toBe('application/pdf');
    expect(await blob.text()).toBe('%PDF-1.7 …');
    expect(requests[0]!.url).toBe('/awards/merit-he-xia/draft');
  });

  it('sends a decision on the revision shown: a reason with a return or rejection, none with an approval', async () => {
    const { api, requests } = desk(200, JSON.stringify({ id: 'a', status: 'RETURNED', revision: 4 }));
    expect(await api.decide('a', 'return', 3, '单位有误')).toEqual({ id: 'a', status: 'RETURNED', revision: 4 });
    await api.decide('a', 'approve', 3);
    expect(requests.map(({ url, method, body }) => [method, url, body])).toEqual([
      ['POST', '/awards/a/return', { revision: 3, reason: '单位有误' }],
      ['POST', '/awards/a/approve', { revision: 3 }],
    ]);
    expect(requests[0]!.headers.get('content-type')).toBe('application/json');
  });

  it('approves a list in one request', async () => {
    const { api, requests } = desk(200, JSON.stringify({ items: [{ id: 'a', status: 'APPROVED', revision: 2 }] }));
    expect(await api.approveAll([{ id: 'a', revision: 1 }])).toEqual([{ id: 'a', status: 'APPROVED', revision: 2 }]);
    expect(requests[0]).toMatchObject({ url: '/awards/approve', body: { items: [{ id: 'a', revision: 1 }] } });
  });

  it('says in Chinese why a request was refused, naming the field of an undrawable record', async () => {
    const undrawable = await refusal(
      desk(422, JSON.stringify({ error: 'no font has "😀"', field: 'recipient.name' })).api.decide('a', 'approve', 1),
    );
    expect(undrawable.status).toBe(422);
    expect(undrawable.field).toBe('recipient.name');
    expect(undrawable.message).toBe('无法生成文书，字段 recipient.name 有误：no font has "😀"。请退回修改。');
    expect((await refusal(desk(409, '{}').api.decide('a', 'approve', 1))).message).toContain('已有变化');
    expect((await refusal(desk(403, '{}').api.review({ status: 'SUBMITTED' }))).message).toBe(
      '此账号不是审批人，无权审批表彰。',
    );
    expect((await refusal(desk(400, JSON.stringify({ error: 'body: reason: required' })).api.draft('a'))).message).toBe(
      '请求有误（body: reason: required）。',
    );
    // A 401 is the staff page's own: it signs the page out, as the links API's does.
    const expired = await refusal(desk(401, '{}').api.review({ status: 'SUBMITTED' }));
    expect(expired).toBeInstanceOf(StaffApiError);
    expect(expired.message).toBe('登录已过期或无效，请重新登录。');
  });
});

import { describe, expect, it } from 'vitest';
import { createStaffApi, StaffApiError } from '../../../web/staff/staffApi.js';

function api(status: number, body: unknown) {
  const requests: { url: string; headers: Headers }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    requests.push({ url, headers: new Headers(init.headers) });
    return new Response(JSON.stringify(body), { status });
  }) as unknown as typeof globalThis.fetch;
  return { staffApi: createStaffApi({ token: () => 'tok', fetch }), requests };
}

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(StaffApiError);
  return error as StaffApiError;
};

describe('the page’s links API client', () => {
  it('asks with the bearer token and only the query fields that are filled in', async () => {
    const { staffApi, requests } = api(200, { items: [] });
    await staffApi.listAwards({ region: '兴安盟', status: '', q: '何建华' });
    expect(requests[0]!.url).toBe(`/awards?region=${encodeURIComponent('兴安盟')}&q=${encodeURIComponent('何建华')}`);
    expect(requests[0]!.headers.get('authorization')).toBe('Bearer tok');
    await staffApi.listAwards({});
    expect(requests[1]!.url).toBe('/awards');
    await staffApi.documents('merit-he-xia');
    expect(requests[2]!.url).toBe('/awards/merit-he-xia/documents');
  });

  it('turns each refusal into a sentence in Chinese', async () => {
    expect((await failure(api(401, { error: 'sign in again: expired token' }).staffApi.bulletins())).message).toBe(
      '登录已过期或无效，请重新登录。',
    );
    expect((await failure(api(403, {}).staffApi.bulletins())).message).toContain('无权查看文书');
    expect((await failure(api(404, { error: 'not found' }).staffApi.documents('x'))).message).toBe(
      '未找到该表彰记录。',
    );
    expect((await failure(api(400, { error: 'q: Too big' }).staffApi.listAwards({ q: 'x' }))).message).toBe(
      '查询条件有误（q: Too big），请修改后重试。',
    );
    const unavailable = await failure(api(500, { error: 'boom' }).staffApi.bulletins());
    expect([unavailable.status, unavailable.message]).toEqual([500, '服务暂时不可用，请稍后重试。']);
  });

  it('says so when the server cannot be reached at all', async () => {
    const offline = createStaffApi({
      token: () => 'tok',
      fetch: (async () => {
        throw new TypeError('fetch failed');
      }) as unknown as typeof globalThis.fetch,
    });
    const error = await failure(offline.bulletins());
    expect([error.status, error.message]).toEqual([0, '无法连接服务器，请检查网络后重试。']);
  });
});

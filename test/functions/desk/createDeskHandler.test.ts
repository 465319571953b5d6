import { Logger } from '@aws-lambda-powertools/logger';
import { beforeEach, describe, expect, it } from 'vitest';
import { AwardWorkflow } from '../../../functions/core/award/AwardWorkflow.js';
import { submit } from '../../../functions/core/award/awardTransitions.js';
import { ReviewDesk } from '../../../functions/core/desk/ReviewDesk.js';
import { DraftDocuments } from '../../../functions/core/documents/renderDrafts.js';
import type { AuditEntry } from '../../../functions/core/links/AuditTrail.js';
import { createDeskHandler, type DeskEvent, type DeskHandler } from '../../../functions/desk/createDeskHandler.js';
import { developmentIdentity } from '../../../local/developmentIdentities.js';
import { CLERK } from '../../support/deciders.js';
import { exampleJson } from '../../support/examples.js';
import { InMemoryAwardQueries } from '../../support/InMemoryAwardQueries.js';
import { InMemoryAwardStore } from '../../support/InMemoryAwardStore.js';

const claimsOf = (id: string) => developmentIdentity(id)!.claims;
/** 鄂尔多斯市 is the sixth 盟市: its approver decides merit-he-xia, not merit-zhang-peng (呼伦贝尔市). */
const ORDOS_APPROVER = claimsOf('approver-region-6');

let store: InMemoryAwardStore;
let audit: AuditEntry[];
let handler: DeskHandler;

beforeEach(async () => {
  store = new InMemoryAwardStore();
  audit = [];
  const drafts = new DraftDocuments({ ownAuthority: { name: '内蒙古自治区公安厅', code: '内公奖' } });
  const workflow = new AwardWorkflow(store, () => new Date('2020-03-02T09:00:00+08:00'), drafts);
  const trail = { record: async (entry: AuditEntry) => void audit.push(entry) };
  handler = createDeskHandler({
    desk: new ReviewDesk({ awards: new InMemoryAwardQueries(store), workflow, drafts, audit: trail }),
    audit: trail,
    logger: new Logger({ logLevel: 'SILENT' }),
  });
  for (const name of ['merit-he-xia', 'merit-zhang-peng']) await workflow.submit(exampleJson(name), CLERK.by);
});

function request(
  method: string,
  path: string,
  { claims, body, query }: { claims?: Record<string, unknown>; body?: unknown; query?: Record<string, string> } = {},
): DeskEvent {
  return {
    rawPath: path,
    queryStringParameters: query,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    requestContext: { http: { method }, ...(claims ? { authorizer: { jwt: { claims } } } : {}) },
  };
}

const bodyOf = (result: Awaited<ReturnType<DeskHandler>>) => JSON.parse(String(result.body)) as Record<string, unknown>;

describe('the approvers’ desk', () => {
  it('answers only approvers: 401 without a token, 403 for staff, each refusal one audit line', async () => {
    expect((await handler(request('GET', '/review'))).statusCode).toBe(401);
    for (const staff of ['department', 'region-6']) {
      const answer = await handler(request('GET', '/review', { claims: claimsOf(staff) }));
      expect(answer.statusCode).toBe(403);
      const decided = await handler(
        request('POST', '/awards/merit-he-xia/approve', { claims: claimsOf(staff), body: { revision: 1 } }),
      );
      expect(decided.statusCode).toBe(403);
    }
    expect(audit.map((entry) => [entry.action, entry.status])).toEqual([
      ['request-refused', 401],
      ['request-refused', 403],
      ['request-refused', 403],
      ['request-refused', 403],
      ['request-refused', 403],
    ]);
    expect((await store.get('merit-he-xia'))!.record.status).toBe('SUBMITTED');
  });

  it('lists a 盟市’s approver their region’s awards, the department’s approver every region’s', async () => {
    const own = bodyOf(await handler(request('GET', '/review', { claims: ORDOS_APPROVER })));
    expect((own.items as { id: string }[]).map((item) => item.id)).toEqual(['merit-he-xia']);
    expect(own.items).toEqual([
      expect.objectContaining({
        id: 'merit-he-xia',
        kind: 'merit',
        region: '鄂尔多斯市',
        title: '个人三等功',
        recipient: '贺霞',
        status: 'SUBMITTED',
        revision: 1,
        version: 1,
        problems: [],
      }),
    ]);
    const all = bodyOf(await handler(request('GET', '/review', { claims: claimsOf('approver') })));
    expect((all.items as { id: string }[]).map((item) => item.id)).toEqual(['merit-he-xia', 'merit-zhang-peng']);
  });

  it('gives another region’s award the same 404 as a missing one, for drafts and decisions alike', async () => {
    for (const path of ['/awards/merit-zhang-peng/draft', '/awards/no-such-award/draft']) {
      const answer = await handler(request('GET', path, { claims: ORDOS_APPROVER }));
      expect([answer.statusCode, bodyOf(answer)]).toEqual([404, { error: 'not found' }]);
    }
    const other = await handler(
      request('POST', '/awards/merit-zhang-peng/approve', { claims: ORDOS_APPROVER, body: { revision: 1 } }),
    );
    expect(other.statusCode).toBe(404);
    expect((await store.get('merit-zhang-peng'))!.record.status).toBe('SUBMITTED');
  });

  it('hands out the draft as a PDF to show inline', async () => {
    const answer = await handler(request('GET', '/awards/merit-he-xia/draft', { claims: ORDOS_APPROVER }));
    expect(answer.statusCode).toBe(200);
    expect(answer.headers).toMatchObject({ 'content-type': 'application/pdf' });
    expect(String(answer.headers!['content-disposition'])).toMatch(/^inline; /);
    expect(answer.isBase64Encoded).toBe(true);
    expect(Buffer.from(String(answer.body), 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('approves on the revision the approver saw, names who decided, refuses a stale revision (409)', async () => {
    const stale = await handler(
      request('POST', '/awards/merit-he-xia/approve', { claims: ORDOS_APPROVER, body: { revision: 0 } }),
    );
    expect(stale.statusCode).toBe(409);
    const approved = await handler(
      request('POST', '/awards/merit-he-xia/approve', { claims: ORDOS_APPROVER, body: { revision: 1 } }),
    );
    expect([approved.statusCode, bodyOf(approved)]).toEqual([
      200,
      { id: 'merit-he-xia', status: 'APPROVED', revision: 2 },
    ]);
    const award = (await store.get('merit-he-xia'))!;
    expect(award.decisions.at(-1)).toMatchObject({
      action: 'approve',
      by: { sub: 'dev-approver-region-6', name: '鄂尔多斯市审批人' },
    });
    expect(audit.at(-1)).toMatchObject({
      action: 'award-decided',
      decision: 'approve',
      subject: 'dev-approver-region-6',
      scope: '鄂尔多斯市',
      recordId: 'merit-he-xia',
      status: 200,
    });
  });

  it('returns and rejects with a reason, refusing either without one (400)', async () => {
    const claims = claimsOf('approver');
    const noReason = await handler(request('POST', '/awards/merit-he-xia/return', { claims, body: { revision: 1 } }));
    expect([noReason.statusCode, bodyOf(noReason)]).toEqual([
      400,
      { error: 'body: reason: required to return an award' },
    ]);
    const returned = await handler(
      request('POST', '/awards/merit-he-xia/return', { claims, body: { revision: 1, reason: '事迹不全' } }),
    );
    expect(bodyOf(returned)).toEqual({ id: 'merit-he-xia', status: 'RETURNED', revision: 2 });
    const rejected = await handler(
      request('POST', '/awards/merit-he-xia/reject', { claims, body: { revision: 2, reason: '不符合条件' } }),
    );
    expect(bodyOf(rejected)).toEqual({ id: 'merit-he-xia', status: 'REJECTED', revision: 3 });
  });

  it('refuses an award whose drafts cannot be drawn with 422 naming the field', async () => {
    const record = exampleJson('merit-he-xia') as { recipient: object };
    await store.create(
      submit({ ...record, id: 'merit-emoji', recipient: { ...record.recipient, name: '贺😀' } }, CLERK),
    );
    const claims = claimsOf('approver');
    const refused = await handler(request('POST', '/awards/merit-emoji/approve', { claims, body: { revision: 1 } }));
    expect(refused.statusCode).toBe(422);
    expect(bodyOf(refused)).toMatchObject({ field: 'recipient.name', error: expect.stringContaining('U+1F600') });
    const draft = await handler(request('GET', '/awards/merit-emoji/draft', { claims }));
    expect([draft.statusCode, bodyOf(draft).field]).toEqual([422, 'recipient.name']);
    const listed = bodyOf(await handler(request('GET', '/review', { claims, query: { region: '鄂尔多斯市' } })));
    const problems = (listed.items as { id: string; problems: string[] }[]).find((item) => item.id === 'merit-emoji');
    expect(problems!.problems[0]).toContain('U+1F600');
  });

  it('approves a list all or nothing, each on its revision', async () => {
    const claims = claimsOf('approver');
    const stale = await handler(
      request('POST', '/awards/approve', {
        claims,
        body: {
          items: [
            { id: 'merit-he-xia', revision: 1 },
            { id: 'merit-zhang-peng', revision: 7 },
          ],
        },
      }),
    );
    expect(stale.statusCode).toBe(409);
    expect((await store.get('merit-he-xia'))!.record.status).toBe('SUBMITTED');
    const approved = await handler(
      request('POST', '/awards/approve', {
        claims,
        body: {
          items: [
            { id: 'merit-he-xia', revision: 1 },
            { id: 'merit-zhang-peng', revision: 1 },
          ],
        },
      }),
    );
    expect(bodyOf(approved).items).toEqual([
      { id: 'merit-he-xia', status: 'APPROVED', revision: 2 },
      { id: 'merit-zhang-peng', status: 'APPROVED', revision: 2 },
    ]);
  });

  it.each([
    ['not JSON', 'POST', '/awards/merit-he-xia/approve', '{revision', 'body: not valid JSON'],
    [
      'over 16 KB',
      'POST',
      '/awards/merit-he-xia/reject',
      JSON.stringify({ revision: 1, reason: 'x'.repeat(17_000) }),
      'body: larger than 16 KB',
    ],
    ['an unknown field', 'POST', '/awards/merit-he-xia/approve', { revision: 1, by: '我' }, 'body: unknown field "by"'],
    ['no revision', 'POST', '/awards/merit-he-xia/approve', {}, 'body: revision:'],
    ['an unknown decision', 'POST', '/awards/merit-he-xia/promote', { revision: 1 }, 'no such resource'],
    ['a bad id', 'POST', '/awards/..%2Fx/approve', { revision: 1 }, 'id: must be'],
    [
      'a list with an id twice',
      'POST',
      '/awards/approve',
      {
        items: [
          { id: 'a', revision: 1 },
          { id: 'a', revision: 1 },
        ],
      },
      'listed twice',
    ],
    ['an unknown status', 'GET', '/review', undefined, 'query: status:'],
  ])('refuses %s with 400 naming what is wrong', async (_, method, path, body, says) => {
    const answer = await handler(
      request(method, path, {
        claims: claimsOf('approver'),
        ...(body === undefined ? { query: { status: 'DONE' } } : { body }),
      }),
    );
    expect(answer.statusCode).toBe(400);
    expect(String(bodyOf(answer).error)).toContain(says);
    expect(audit.at(-1)).toMatchObject({ action: 'request-refused', status: 400 });
  });
});

import { Logger } from '@aws-lambda-powertools/logger';
import { CloudWatchLogsClient, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { CloudWatchAuditTrail } from '../../../functions/adapters/cloudwatch/CloudWatchAuditTrail.js';
import { type Award, awardOfRecord } from '../../../functions/core/award/Award.js';
import { LinksService } from '../../../functions/core/links/LinksService.js';
import { createLinksHandler } from '../../../functions/links/createLinksHandler.js';
import { exampleJson } from '../../support/examples.js';

/**
 * Every refused, emptied or failed request of the links API is one event in the audit log group,
 * saying what was asked (method, path, query), by whom (subject, scope), why, and the status.
 */
const logs = mockClient(CloudWatchLogsClient);
beforeEach(() => {
  logs.reset();
  logs.on(CreateLogStreamCommand).resolves({});
  logs.on(PutLogEventsCommand).resolves({});
});

const heXia: Award = awardOfRecord(exampleJson('merit-he-xia'));
const audit = new CloudWatchAuditTrail(new CloudWatchLogsClient({ region: 'cn-north-1' }), 'AuditTrail');
const handler = createLinksHandler({
  service: new LinksService({
    awards: {
      get: async (id) => {
        if (id === 'boom') throw new Error('ProvisionedThroughputExceededException');
        return id === heXia.record.id ? heXia : undefined;
      },
      listAcrossRegions: async () => ({ items: [] }),
      listByRegion: async (region) => ({ items: [heXia].filter((item) => item.record.region === region) }),
    },
    links: { link: async (key) => ({ url: `https://signed.example/${key}`, expiresAt: '2020-03-02T00:15:00Z' }) },
    audit,
    bulletins: { list: async () => [] },
  }),
  audit,
  logger: new Logger({ serviceName: 'links', logLevel: 'SILENT' }),
});

const ordos = { sub: 'clerk-ordos', 'custom:region': '鄂尔多斯市' };
const request = (path: string, claims?: Record<string, unknown>, query?: Record<string, string>) =>
  handler({
    rawPath: path,
    queryStringParameters: query,
    requestContext: { http: { method: 'GET' }, ...(claims ? { authorizer: { jwt: { claims } } } : {}) },
  });

/** The audit events written, each parsed. */
const auditLines = () =>
  logs
    .commandCalls(PutLogEventsCommand)
    .flatMap((call) => call.args[0].input.logEvents!.map((event) => JSON.parse(event.message!) as object));

describe('the links API writes every refused request to the audit log group', () => {
  const refusals: [string, () => ReturnType<typeof request>, number, object][] = [
    [
      'a traversal in an id',
      () => request('/awards/..%2F..%2Fetc%2Fpasswd/documents', ordos),
      400,
      {
        subject: 'clerk-ordos',
        scope: '鄂尔多斯市',
        request: { method: 'GET', path: '/awards/..%2F..%2Fetc%2Fpasswd/documents' },
        reason: expect.stringContaining('id: must be'),
      },
    ],
    [
      'an unknown query parameter',
      () => request('/awards', ordos, { sort: 'name' }),
      400,
      {
        subject: 'clerk-ordos',
        scope: '鄂尔多斯市',
        request: { method: 'GET', path: '/awards', query: { sort: 'name' } },
        reason: 'unknown query parameter "sort"',
      },
    ],
    [
      'a region that is not one of the 13',
      () => request('/awards', ordos, { region: '北京市' }),
      400,
      {
        subject: 'clerk-ordos',
        scope: '鄂尔多斯市',
        request: { method: 'GET', path: '/awards', query: { region: '北京市' } },
        reason: expect.stringContaining('region:'),
      },
    ],
    [
      'another region’s list, answered empty',
      () => request('/awards', ordos, { region: '兴安盟' }),
      200,
      {
        subject: 'clerk-ordos',
        scope: '鄂尔多斯市',
        request: { method: 'GET', path: '/awards', query: { region: '兴安盟' } },
        reason: 'another region’s list (兴安盟): answered with no items',
      },
    ],
    [
      'an award that is not there',
      () => request('/awards/no-such-award/documents', ordos),
      404,
      {
        subject: 'clerk-ordos',
        scope: '鄂尔多斯市',
        recordId: 'no-such-award',
        request: { method: 'GET', path: '/awards/no-such-award/documents' },
      },
    ],
    [
      'a request that fails on storage',
      () => request('/awards/boom/documents', ordos),
      500,
      {
        subject: 'clerk-ordos',
        scope: '鄂尔多斯市',
        request: { method: 'GET', path: '/awards/boom/documents' },
        reason: 'ProvisionedThroughputExceededException',
      },
    ],
    [
      'a request without a verified token',
      () => request('/awards', undefined, { region: '兴安盟' }),
      401,
      { request: { method: 'GET', path: '/awards', query: { region: '兴安盟' } } },
    ],
    [
      'claims that allow nothing',
      () => request('/bulletins', { sub: 'x', 'custom:region': '北京市' }),
      403,
      { subject: 'x', request: { method: 'GET', path: '/bulletins' } },
    ],
  ];
  for (const [what, send, status, says] of refusals) {
    it(`${what}: answered ${status}, one audit line`, async () => {
      const answer = await send();
      expect(answer.statusCode).toBe(status);
      expect(auditLines()).toEqual([
        { at: expect.any(String), action: 'request-refused', status, reason: expect.any(String), ...says },
      ]);
    });
  }

  it('answers a refusal whose audit line cannot be written with 500, not with the refusal', async () => {
    logs.on(PutLogEventsCommand).rejects(new Error('ServiceUnavailableException'));
    const answer = await request('/awards', ordos, { sort: 'name' });
    expect(answer.statusCode).toBe(500);
  });
});

import { Logger } from '@aws-lambda-powertools/logger';
import { describe, expect, it } from 'vitest';
import { LinksService } from '../../../functions/core/links/LinksService.js';
import { type Award, awardOfRecord } from '../../../functions/core/award/Award.js';
import type { AuditEntry } from '../../../functions/core/links/AuditTrail.js';
import { createLinksHandler } from '../../../functions/links/createLinksHandler.js';
import { exampleJson } from '../../support/examples.js';

const heXia: Award = {
  ...awardOfRecord(exampleJson('merit-he-xia')),
  documents: [
    {
      kind: 'certificate',
      version: 1,
      key: 'awards/merit-he-xia/certificate-v1.pdf',
      sha256: 'abc',
      pages: 1,
      bytes: 1,
      renderedAt: '2020-03-02T00:00:00Z',
    },
  ],
};
const failing: Award = { ...heXia, record: { ...heXia.record, id: 'boom' } };

const audited: AuditEntry[] = [];
const audit = {
  record: async (entry: AuditEntry) => {
    audited.push(entry);
  },
};
const handler = createLinksHandler({
  service: new LinksService({
    awards: {
      get: async (id) => {
        if (id === 'boom') throw new Error('ProvisionedThroughputExceededException');
        return [heXia, failing].find((item) => item.record.id === id);
      },
      listAcrossRegions: async (regions) => ({
        items: [heXia].filter((item) => regions.includes(String(item.record.region))),
      }),
      listByRegion: async (region) => ({ items: [heXia].filter((item) => item.record.region === region) }),
    },
    links: { link: async (key) => ({ url: `https://signed.example/${key}`, expiresAt: '2020-03-02T00:15:00Z' }) },
    audit,
    bulletins: { list: async () => [] },
  }),
  audit,
  logger: new Logger({ serviceName: 'links', logLevel: 'SILENT' }),
});

const request = (path: string, claims?: Record<string, unknown>, query?: Record<string, string>, method = 'GET') =>
  handler({
    rawPath: path,
    queryStringParameters: query,
    requestContext: { http: { method }, ...(claims ? { authorizer: { jwt: { claims } } } : {}) },
  });
const body = (result: { body?: string }) => JSON.parse(result.body!) as Record<string, unknown>;

const ownStaff = { sub: 'clerk-1', 'custom:region': heXia.record.region };
const otherStaff = { sub: 'clerk-2', 'custom:region': '兴安盟' };
const department = { sub: 'hr-1', 'cognito:groups': '[department]' };

describe('links handler: who sees what', () => {
  it('gives a region’s staff their award’s documents with links', async () => {
    const result = await request('/awards/merit-he-xia/documents', ownStaff);
    expect(result.statusCode).toBe(200);
    expect(body(result).documents).toEqual([
      expect.objectContaining({
        kind: 'certificate',
        url: 'https://signed.example/awards/merit-he-xia/certificate-v1.pdf',
      }),
    ]);
    expect(result.headers!['cache-control']).toBe('no-store');
  });

  it('gives the department’s staff any region', async () => {
    expect((await request('/awards/merit-he-xia/documents', department)).statusCode).toBe(200);
    expect(body(await request('/awards', department, { region: heXia.record.region as string })).items).toHaveLength(1);
  });

  it('lists every region’s awards to the department’s staff who name no region, each with what it awards', async () => {
    const result = await request('/awards', department);
    expect(result.statusCode).toBe(200);
    expect(body(result).items).toEqual([
      expect.objectContaining({ id: 'merit-he-xia', award: '个人三等功', unit: '鄂尔多斯市乌审旗公安局' }),
    ]);
  });

  it('answers another region’s award with the same 404 as a missing one', async () => {
    const hidden = await request('/awards/merit-he-xia/documents', otherStaff);
    const missing = await request('/awards/no-such-award/documents', otherStaff);
    expect([hidden.statusCode, hidden.body]).toEqual([404, missing.body]);
  });

  it('refuses a request that came without a verified token, and claims that allow nothing', async () => {
    audited.length = 0;
    expect((await request('/awards', undefined)).statusCode).toBe(401);
    expect((await request('/awards', { sub: 'x', 'custom:region': '北京市' })).statusCode).toBe(403);
    // Each refusal is in the audit trail, with who asked when one is known.
    expect(audited.map(({ action, status, subject }) => [action, status, subject])).toEqual([
      ['request-refused', 401, undefined],
      ['request-refused', 403, 'x'],
    ]);
  });

  it('answers bad input with 400 and a JSON reason, and storage trouble with 500', async () => {
    const bad = await request('/awards', ownStaff, { sort: 'name' });
    expect([bad.statusCode, body(bad).error]).toEqual([400, 'unknown query parameter "sort"']);
    expect((await request('/awards/boom/documents', ownStaff)).statusCode).toBe(500);
  });
});

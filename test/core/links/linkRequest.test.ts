import { describe, expect, it } from 'vitest';
import { BadLinkRequest, parseLinkRequest } from '../../../functions/core/links/linkRequest.js';
import { thrown } from '../../support/thrown.js';

describe('parseLinkRequest', () => {
  it('reads the three routes', () => {
    expect(parseLinkRequest('GET', '/awards', { region: '兴安盟', q: '何建华', limit: '10' })).toEqual({
      route: 'list-awards',
      region: '兴安盟',
      q: '何建华',
      limit: 10,
    });
    expect(parseLinkRequest('GET', '/awards', {})).toEqual({ route: 'list-awards', limit: 25 });
    expect(parseLinkRequest('GET', '/awards/merit-he-xia/documents')).toEqual({
      route: 'award-documents',
      id: 'merit-he-xia',
    });
    expect(parseLinkRequest('GET', '/bulletins')).toEqual({ route: 'list-bulletins' });
  });

  it('refuses malformed ids, unknown parameters, oversized and wrong values, with the field named', () => {
    const cases: [string, string, Record<string, string>, string][] = [
      ['GET', '/awards/..%2Fsecrets/documents', {}, 'id: must be 1 to 64 letters'],
      ['GET', `/awards/${'a'.repeat(65)}/documents`, {}, 'id: must be 1 to 64 letters'],
      ['GET', '/awards/%ZZ/documents', {}, 'id: must be 1 to 64 letters'],
      ['GET', '/awards/%E4/documents', {}, 'id: must be 1 to 64 letters'],
      ['GET', '/awards', { region: '兴安盟', sort: 'name' }, 'unknown query parameter "sort"'],
      ['GET', '/awards', { q: '何'.repeat(41) }, 'q:'],
      ['GET', '/awards', { region: '北京市' }, 'region:'],
      ['GET', '/awards', { limit: '1000' }, 'limit:'],
      ['GET', '/awards', { cursor: 'not base64url!' }, 'cursor:'],
      ['GET', '/awards/merit-he-xia/documents', { download: '1' }, 'unknown query parameter "download"'],
      ['DELETE', '/awards/merit-he-xia/documents', {}, 'DELETE is not supported'],
      ['GET', '/admin', {}, 'no such resource: /admin'],
    ];
    for (const [method, path, query, message] of cases) {
      expect(
        thrown(BadLinkRequest, () => parseLinkRequest(method, path, query)).message,
        `${method} ${path}`,
      ).toContain(message);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { asciiFileName, documentFileName } from '../../../functions/core/links/documentFileName.js';
import { LinksService, NotFound } from '../../../functions/core/links/LinksService.js';
import { REGIONS } from '../../../functions/core/records/constants.js';
import { type Award, awardOfRecord } from '../../../functions/core/award/Award.js';
import type { AuditEntry } from '../../../functions/core/links/AuditTrail.js';
import type { StaffAccess } from '../../../functions/core/links/staffAccess.js';
import { exampleJson } from '../../support/examples.js';

const ref = (version: number, extra: Record<string, unknown> = {}) => ({
  kind: 'certificate',
  version,
  key: `awards/merit-he-xia/certificate-v${version}.pdf`,
  sha256: `sha-${version}`,
  pages: 1,
  bytes: 20000,
  renderedAt: '2020-03-02T00:00:00Z',
  ...extra,
});
const heXia: Award = { ...awardOfRecord(exampleJson('merit-he-xia')), documents: [ref(1), ref(2)] };
const regionStaff: StaffAccess = { scope: 'region', region: heXia.record.region as never, subject: 'clerk-1' };
const otherRegion: StaffAccess = { scope: 'region', region: '兴安盟', subject: 'clerk-2' };
const department: StaffAccess = { scope: 'department', subject: 'hr-1' };
/** What the caller asked, as the handler hands it on for the audit trail's refusals. */
const askedDocuments = (id: string) => ({ method: 'GET', path: `/awards/${id}/documents` });
const askedList = { method: 'GET', path: '/awards' };

function service(items: Award[]) {
  const audit: AuditEntry[] = [];
  const listed: unknown[] = [];
  const links = new LinksService({
    awards: {
      get: async (id) => items.find((item) => item.record.id === id),
      listAcrossRegions: async (regions, options) => {
        listed.push({ regions, ...options });
        return { items: items.filter((item) => regions.includes(String(item.record.region))) };
      },
      listByRegion: async (region, options) => {
        listed.push({ region, ...options });
        return { items: items.filter((item) => item.record.region === region) };
      },
    },
    links: {
      link: async (key, fileName, format = 'pdf', ascii = '') => ({
        url: `https://signed.example/${key}?name=${encodeURIComponent(fileName)}&ascii=${ascii}&as=${format}`,
        expiresAt: '2020-03-02T00:15:00Z',
      }),
    },
    audit: {
      record: async (entry) => {
        audit.push(entry);
      },
    },
    now: () => new Date('2020-03-02T00:00:00Z'),
    bulletins: {
      list: async () => [
        {
          cutoff: '2020-03-11T00:00:00Z',
          key: 'bulletins/20200311T000000Z.pdf',
          ofdKey: 'bulletins/20200311T000000Z.ofd',
        },
        { cutoff: '2020-03-10T00:00:00Z', key: 'bulletins/20200310T000000Z.pdf' },
      ],
    },
  });
  return { links, audit, listed };
}

describe('LinksService', () => {
  it('gives a region’s staff a link to the current version of each document, audited', async () => {
    const { links, audit } = service([heXia]);
    const answer = await links.documents(regionStaff, 'merit-he-xia', askedDocuments('merit-he-xia'));
    expect(answer.documents).toEqual([
      {
        kind: 'certificate',
        title: '荣誉证书',
        version: 2,
        sha256: 'sha-2',
        pages: 1,
        withdrawn: false,
        url: expect.stringContaining('certificate-v2.pdf'),
        expiresAt: '2020-03-02T00:15:00Z',
      },
    ]);
    expect(decodeURIComponent(answer.documents[0]!.url!)).toContain(
      'name=荣誉证书-贺霞-个人三等功-v2.pdf&ascii=certificate-merit-he-xia-v2.pdf&',
    );
    expect(audit).toEqual([
      {
        at: '2020-03-02T00:00:00.000Z',
        action: 'link-issued',
        subject: 'clerk-1',
        scope: '鄂尔多斯市',
        recordId: 'merit-he-xia',
        key: 'awards/merit-he-xia/certificate-v2.pdf',
        sha256: 'sha-2',
        expiresAt: '2020-03-02T00:15:00Z',
        status: 200,
      },
    ]);
  });

  it('offers the OFD beside the PDF when the document was rendered as OFD too, each link audited', async () => {
    const ofd = { key: 'awards/merit-he-xia/certificate-v2.ofd', sha256: 'ofd-sha-2', bytes: 31000 };
    const { links, audit } = service([{ ...heXia, documents: [ref(1), ref(2, { ofd })] }]);
    const [document] = (await links.documents(regionStaff, 'merit-he-xia', askedDocuments('merit-he-xia'))).documents;
    expect(document).toMatchObject({
      version: 2,
      sha256: 'sha-2',
      url: expect.stringContaining('certificate-v2.pdf?'),
    });
    expect(document!.ofd).toEqual({
      url: expect.stringMatching(/^https:\/\/signed\.example\/awards\/merit-he-xia\/certificate-v2\.ofd\?.*&as=ofd$/),
      expiresAt: '2020-03-02T00:15:00Z',
      sha256: 'ofd-sha-2',
      bytes: 31000,
    });
    expect(decodeURIComponent(document!.ofd!.url)).toContain(
      'name=荣誉证书-贺霞-个人三等功-v2.ofd&ascii=certificate-merit-he-xia-v2.ofd&',
    );
    expect(document!.url).toMatch(/&as=pdf$/);
    expect(audit.map(({ action, key, sha256 }) => [action, key, sha256])).toEqual([
      ['link-issued', 'awards/merit-he-xia/certificate-v2.pdf', 'sha-2'],
      ['link-issued', ofd.key, 'ofd-sha-2'],
    ]);
  });

  it('offers no OFD for a document rendered before OFD output', async () => {
    const { links } = service([heXia]);
    const [document] = (await links.documents(regionStaff, 'merit-he-xia', askedDocuments('merit-he-xia'))).documents;
    expect(document).not.toHaveProperty('ofd');
  });

  it('gives no link to either format of a withdrawn document, both refusals audited', async () => {
    const ofd = { key: 'awards/merit-he-xia/certificate-v1.ofd', sha256: 'ofd-sha-1', bytes: 31000 };
    const revoked: Award = {
      ...heXia,
      record: { ...heXia.record, status: 'REVOKED' },
      documents: [ref(1, { ofd, withdrawn: true, withdrawnAt: '2020-04-01T00:00:00Z' })],
    };
    const { links, audit } = service([revoked]);
    expect((await links.documents(regionStaff, 'merit-he-xia', askedDocuments('merit-he-xia'))).documents).toEqual([
      { kind: 'certificate', title: '荣誉证书', version: 1, sha256: 'sha-1', pages: 1, withdrawn: true },
    ]);
    expect(audit.map(({ action, key, sha256 }) => [action, key, sha256])).toEqual([
      ['link-refused', ref(1).key, 'sha-1'],
      ['link-refused', ofd.key, 'ofd-sha-1'],
    ]);
  });

  it('answers another region’s award exactly as a missing one', async () => {
    const { links, audit } = service([heXia]);
    const hidden = await links
      .documents(otherRegion, 'merit-he-xia', askedDocuments('merit-he-xia'))
      .catch((error: Error) => error);
    const missing = await links
      .documents(otherRegion, 'no-such-award', askedDocuments('no-such-award'))
      .catch((error: Error) => error);
    expect(hidden).toBeInstanceOf(NotFound);
    expect(missing).toBeInstanceOf(NotFound);
    expect((hidden as Error).message.replace('merit-he-xia', 'ID')).toBe(
      (missing as Error).message.replace('no-such-award', 'ID'),
    );
    // Both refusals are written down, alike, with what was asked.
    expect(
      audit.map(({ action, status, subject, recordId, request }) => [action, status, subject, recordId, request]),
    ).toEqual([
      ['request-refused', 404, 'clerk-2', 'merit-he-xia', askedDocuments('merit-he-xia')],
      ['request-refused', 404, 'clerk-2', 'no-such-award', askedDocuments('no-such-award')],
    ]);
  });

  it('lets the department’s staff see every region', async () => {
    const { links } = service([heXia]);
    expect((await links.documents(department, 'merit-he-xia', askedDocuments('merit-he-xia'))).documents).toHaveLength(
      1,
    );
  });

  it('lists withdrawn documents as withdrawn, without a link', async () => {
    const revoked: Award = {
      ...heXia,
      record: { ...heXia.record, status: 'REVOKED' },
      documents: [ref(1, { withdrawn: true, withdrawnAt: '2020-04-01T00:00:00Z' })],
    };
    const { links, audit } = service([revoked]);
    expect((await links.documents(regionStaff, 'merit-he-xia', askedDocuments('merit-he-xia'))).documents).toEqual([
      { kind: 'certificate', title: '荣誉证书', version: 1, sha256: 'sha-1', pages: 1, withdrawn: true },
    ]);
    expect(audit).toMatchObject([{ action: 'link-refused', reason: 'the document is withdrawn', key: ref(1).key }]);
  });

  it('gives no link for an award revoked now, though its documents are not yet marked withdrawn', async () => {
    const revoked: Award = { ...heXia, record: { ...heXia.record, status: 'REVOKED' } };
    const { links, audit } = service([revoked]);
    const answer = await links.documents(regionStaff, 'merit-he-xia', askedDocuments('merit-he-xia'));
    expect(answer).toEqual({
      id: 'merit-he-xia',
      status: 'REVOKED',
      documents: [{ kind: 'certificate', title: '荣誉证书', version: 2, sha256: 'sha-2', pages: 1, withdrawn: true }],
    });
    expect(audit).toMatchObject([{ action: 'link-refused', reason: 'the award is REVOKED', status: 200 }]);
    const listed = await links.listAwards(regionStaff, { route: 'list-awards', limit: 25 }, askedList);
    expect(listed.items[0]!.documents).toEqual([
      { kind: 'certificate', title: '荣誉证书', version: 2, pages: 1, withdrawn: true },
    ]);
  });

  it('lists a region’s awards for its staff, none of another region, and all regions for the department', async () => {
    const { links, listed } = service([heXia]);
    const own = await links.listAwards(regionStaff, { route: 'list-awards', limit: 25, q: '贺' }, askedList);
    expect(own.items.map((item) => [item.id, item.name, item.documents])).toEqual([
      ['merit-he-xia', '贺霞', [{ kind: 'certificate', title: '荣誉证书', version: 2, pages: 1, withdrawn: false }]],
    ]);
    expect(listed).toEqual([{ region: heXia.record.region, limit: 25, q: '贺' }]);
    expect(
      (await links.listAwards(regionStaff, { route: 'list-awards', region: '兴安盟', limit: 25 }, askedList)).items,
    ).toEqual([]);
    listed.length = 0;
    const all = await links.listAwards(department, { route: 'list-awards', limit: 25, q: '贺' }, askedList);
    expect(all.items.map((item) => item.id)).toEqual(['merit-he-xia']);
    expect(listed).toEqual([{ regions: REGIONS, limit: 25, q: '贺' }]);
  });

  it('lists what a clerk looks for: the award, the unit, the 文号, a 唁电 as 唁电, a revocation and why', async () => {
    const order = awardOfRecord({ ...exampleJson('commendation-order-2020-12'), documentNumber: '内公奖〔2020〕1号' });
    const telegram = awardOfRecord(exampleJson('telegram-condolence-he-jianhua'));
    const revoked = awardOfRecord({
      ...exampleJson('merit-he-jianhua'),
      status: 'REVOKED',
      revokedAt: '2020-04-01T10:00:00+08:00',
      revocationReason: '经复核撤销',
    });
    const { links } = service([heXia, order, telegram, revoked]);
    const { items } = await links.listAwards(department, { route: 'list-awards', limit: 25 }, askedList);
    const byId = new Map(items.map((item) => [item.id, item]));
    expect(byId.get('merit-he-xia')).toMatchObject({
      category: '战时记功',
      award: '个人三等功',
      unit: '鄂尔多斯市乌审旗公安局',
    });
    expect(byId.get('merit-he-xia')).not.toHaveProperty('revokedAt');
    expect(byId.get(order.record.id)).toMatchObject({
      category: '嘉奖令',
      documentNumber: '内公奖〔2020〕1号',
      unit: '内蒙古自治区公安厅',
    });
    expect(byId.get(telegram.record.id)).toMatchObject({ kind: 'telegram', category: '唁电', award: '唁电' });
    expect(byId.get('merit-he-jianhua')).toMatchObject({
      award: '追记个人一等功',
      revokedAt: '2020-04-01T10:00:00+08:00',
      revocationReason: '经复核撤销',
    });
  });

  it('says why the current version’s documents could not be made, in the list and with the documents', async () => {
    const failed: Award = {
      ...awardOfRecord({ ...exampleJson('merit-he-xia'), version: 2 }),
      rendering: { failure: { version: 2, reason: 'recipient.name: "😀" (U+1F600) is in no font' } },
    };
    const { links } = service([failed]);
    const [listed] = (await links.listAwards(regionStaff, { route: 'list-awards', limit: 25 }, askedList)).items;
    expect(listed!.failure).toBe('recipient.name: "😀" (U+1F600) is in no font');
    const answer = await links.documents(regionStaff, 'merit-he-xia', askedDocuments('merit-he-xia'));
    expect(answer).toMatchObject({ status: 'APPROVED', failure: 'recipient.name: "😀" (U+1F600) is in no font' });

    // A failure of an earlier version, since corrected, is not the award's.
    const corrected: Award = { ...failed, record: { ...failed.record, version: 3 } };
    const again = service([corrected]).links;
    expect(
      (await again.listAwards(regionStaff, { route: 'list-awards', limit: 25 }, askedList)).items[0],
    ).not.toHaveProperty('failure');
    expect(await again.documents(regionStaff, 'merit-he-xia', askedDocuments('merit-he-xia'))).not.toHaveProperty(
      'failure',
    );
  });

  it('writes down a list asked of another region, answered with no items as an empty region would be', async () => {
    const { links, audit, listed } = service([heXia]);
    const asked = { method: 'GET', path: '/awards', query: { region: '兴安盟' } };
    const answer = await links.listAwards(regionStaff, { route: 'list-awards', region: '兴安盟', limit: 25 }, asked);
    expect(answer).toEqual({ items: [] });
    expect(listed).toEqual([]);
    expect(audit).toEqual([
      {
        at: '2020-03-02T00:00:00.000Z',
        action: 'request-refused',
        subject: 'clerk-1',
        scope: '鄂尔多斯市',
        request: asked,
        status: 200,
        reason: 'another region’s list (兴安盟): answered with no items',
      },
    ]);
  });

  it('lists a telegram by its title and addressee and an order by its title', async () => {
    const telegram = awardOfRecord(exampleJson('telegram-condolence-he-jianhua'));
    const order = awardOfRecord(exampleJson('commendation-order-2020-12'));
    const { links } = service([telegram, order]);
    const names = async (region: string) =>
      (await links.listAwards(department, { route: 'list-awards', region, limit: 25 }, askedList)).items.map(
        (item) => item.name,
      );
    expect(await names('兴安盟')).toEqual(['唁电 致何建华同志家属']);
    expect(await names(String(order.record.region))).toEqual([order.record.title]);
  });

  it('gives every member of staff the bulletins, each with its OFD when archived with one, audited', async () => {
    const { links, audit } = service([]);
    const { bulletins } = await links.bulletins(otherRegion);
    // Saved under a Chinese name, and a plain one for clients that cannot read it.
    const signed = (key: string, name: string, format: string) =>
      `https://signed.example/${key}?name=${encodeURIComponent(name)}` +
      `&ascii=statistics-bulletin-${name.slice(5)}&as=${format}`;
    expect(bulletins).toEqual([
      {
        cutoff: '2020-03-11T00:00:00Z',
        url: signed('bulletins/20200311T000000Z.pdf', '统计通报-2020-03-11.pdf', 'pdf'),
        expiresAt: '2020-03-02T00:15:00Z',
        // Archived with its OFD: offered beside the PDF, as application/ofd under the same name.
        ofd: {
          url: signed('bulletins/20200311T000000Z.ofd', '统计通报-2020-03-11.ofd', 'ofd'),
          expiresAt: '2020-03-02T00:15:00Z',
        },
      },
      {
        cutoff: '2020-03-10T00:00:00Z',
        url: expect.stringContaining(encodeURIComponent('统计通报-2020-03-10.pdf')),
        expiresAt: '2020-03-02T00:15:00Z',
      },
    ]);
    expect(audit.map((entry) => [entry.action, entry.key])).toEqual([
      ['link-issued', 'bulletins/20200311T000000Z.pdf'],
      ['link-issued', 'bulletins/20200311T000000Z.ofd'],
      ['link-issued', 'bulletins/20200310T000000Z.pdf'],
    ]);
  });

  it('names downloads after the document, its subject and a certificate’s award, with a readable ASCII name', () => {
    const order = awardOfRecord({ ...exampleJson('commendation-order-2020-12'), documentNumber: '内公奖〔2020〕1号' });
    expect(documentFileName(order.record, { ...ref(1), kind: 'commendation-order' })).toBe(
      '嘉奖令-内公奖〔2020〕1号.pdf',
    );
    expect(documentFileName(heXia.record, ref(1))).toBe('荣誉证书-贺霞-个人三等功.pdf');
    expect(documentFileName(heXia.record, ref(2), 'ofd')).toBe('荣誉证书-贺霞-个人三等功-v2.ofd');
    // Two certificates of one person save under two names.
    const merit = awardOfRecord(exampleJson('merit-he-jianhua'));
    const title = awardOfRecord(exampleJson('honorary-title-he-jianhua'));
    const names = [merit, title].map((award) => documentFileName(award.record, ref(1)));
    expect(names[0]).toBe('荣誉证书-何建华-追记个人一等功.pdf');
    expect(new Set(names).size).toBe(2);
    expect(asciiFileName(merit.record, ref(1))).toBe('certificate-merit-he-jianhua-v1.pdf');
    expect(asciiFileName(order.record, { ...ref(2), kind: 'commendation-order' }, 'ofd')).toBe(
      'commendation-order-commendation-order-2020-12-v2.ofd',
    );
  });

  it('names a telegram’s download, listing and links after its variant: 唁电 or 慰问电', async () => {
    const telegramRef = (id: string) => ({ ...ref(1), kind: 'telegram', key: `awards/${id}/telegram-v1.pdf` });
    const condolence: Award = {
      ...awardOfRecord(exampleJson('telegram-condolence-he-jianhua')),
      documents: [telegramRef('telegram-condolence-he-jianhua')],
    };
    const sympathy: Award = {
      ...awardOfRecord(exampleJson('telegram-sympathy-sun-dejian')),
      documents: [telegramRef('telegram-sympathy-sun-dejian')],
    };
    expect(documentFileName(condolence.record, condolence.documents[0]!)).toBe('唁电-何建华同志家属.pdf');
    expect(documentFileName(sympathy.record, sympathy.documents[0]!)).toBe('慰问电-孙德健同志.pdf');

    const { links } = service([condolence, sympathy]);
    const answer = await links.documents(department, condolence.record.id, askedDocuments(condolence.record.id));
    expect(answer.documents.map((document) => document.title)).toEqual(['唁电']);
    expect(decodeURIComponent(answer.documents[0]!.url!)).toContain('name=唁电-何建华同志家属.pdf');
    const listed = await links.listAwards(
      department,
      { route: 'list-awards', region: String(sympathy.record.region), limit: 25 },
      askedList,
    );
    expect(listed.items.flatMap((item) => item.documents.map((document) => document.title))).toEqual(['慰问电']);
  });
});

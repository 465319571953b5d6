import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AWARD_COLUMNS,
  downloadLinks,
  linkOf,
  noDocumentsText,
  revocationText,
} from '../../../web/staff/awardsView.js';
import type { DocumentLink } from '../../../web/staff/staffApi.js';

const certificate: DocumentLink = {
  kind: 'certificate',
  title: '荣誉证书',
  version: 1,
  pages: 1,
  withdrawn: false,
  sha256: 'pdf-sha',
  url: 'https://signed.example/awards/merit-he-xia/certificate-v1.pdf?sig',
  expiresAt: '2020-03-02T00:15:00Z',
};
const ofd = {
  url: 'https://signed.example/awards/merit-he-xia/certificate-v1.ofd?sig',
  expiresAt: '2020-03-02T00:16:00Z',
  sha256: 'ofd-sha',
  bytes: 31000,
};

describe('the documents list’s download links', () => {
  it('offers the PDF first and the OFD beside it, each under its own link and label', () => {
    expect(downloadLinks({ ...certificate, ofd })).toEqual([
      { format: 'pdf', url: certificate.url, text: '下载 PDF', label: '荣誉证书 下载 PDF' },
      { format: 'ofd', url: ofd.url, text: '下载 OFD 版式文件', label: '荣誉证书 下载 OFD 版式文件' },
    ]);
  });

  it('offers the PDF alone for a document rendered before OFD output', () => {
    expect(downloadLinks(certificate).map(({ format, url }) => [format, url])).toEqual([['pdf', certificate.url]]);
  });

  it('offers nothing for a withdrawn document', () => {
    const { url: _url, expiresAt: _expiresAt, ...withdrawn } = certificate;
    expect(downloadLinks({ ...withdrawn, withdrawn: true })).toEqual([]);
    expect(downloadLinks({ ...certificate, ofd, withdrawn: true })).toEqual([]);
  });

  it('reads each format’s own expiry, so a click refreshes the link it is about to follow', () => {
    expect(linkOf({ ...certificate, ofd }, 'ofd')?.expiresAt).toBe('2020-03-02T00:16:00Z');
    expect(linkOf({ ...certificate, ofd }, 'pdf')).toEqual({ url: certificate.url, expiresAt: certificate.expiresAt });
    expect(linkOf(certificate, 'ofd')).toBeUndefined();
  });
});

describe('the awards table', () => {
  it('heads the columns a clerk looks for: the award, the unit and the 文号 beside the recipient', () => {
    const html = readFileSync(new URL('../../../web/staff/index.html', import.meta.url), 'utf8');
    const header = /<thead>\s*<tr>(.*?)<\/tr>/s.exec(html)![1]!;
    expect([...header.matchAll(/<th>(.*?)<\/th>/g)].map((match) => match[1])).toEqual([...AWARD_COLUMNS]);
    expect(AWARD_COLUMNS.slice(0, 4)).toEqual(['获奖对象', '奖励', '单位', '文号']);
  });

  it('says when and why an award was revoked, and nothing for one that stands', () => {
    expect(
      revocationText({ status: 'REVOKED', revokedAt: '2020-04-01T10:00:00+08:00', revocationReason: '经复核撤销' }),
    ).toEqual({ date: '撤销日期 2020年4月1日', reason: '原因：经复核撤销' });
    expect(revocationText({ status: 'REVOKED' })).toEqual({ date: '撤销日期 —' });
    expect(revocationText({ status: 'APPROVED', revokedAt: '2020-04-01T10:00:00+08:00' })).toBeUndefined();
  });

  it('says a failed rendering failed, with its reason, instead of asking to wait for it', () => {
    const reason = 'recipient.name: "😀" (U+1F600) is in no font';
    expect(noDocumentsText('APPROVED', reason)).toBe(`生成失败：${reason}。请联系审核人员更正记录。`);
    expect(noDocumentsText('APPROVED', reason)).not.toContain('正在生成');
    expect(noDocumentsText('APPROVED')).toBe('文书正在生成，请稍后刷新。');
  });
});

import { describe, expect, it } from 'vitest';
import { downloadLinks, linkOf } from '../../../web/staff/awardsView.js';
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

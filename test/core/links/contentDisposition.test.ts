import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../../../functions/core/links/contentDisposition.js';

/** Decodes filename* as a browser does (RFC 5987: charset'language'percent-encoded value). */
function decodedName(header: string): string {
  const [, value] = /filename\*=UTF-8''([^;]+)/.exec(header)!;
  return decodeURIComponent(value!);
}

describe('contentDisposition', () => {
  it('gives the Chinese name in filename* and an ASCII fallback in filename', () => {
    const header = contentDisposition('荣誉证书-何建华.pdf');
    expect(header).toBe(
      `attachment; filename="_-_.pdf"; ` +
        `filename*=UTF-8''%E8%8D%A3%E8%AA%89%E8%AF%81%E4%B9%A6-%E4%BD%95%E5%BB%BA%E5%8D%8E.pdf`,
    );
    expect(decodedName(header)).toBe('荣誉证书-何建华.pdf');
  });

  it('escapes what could break the header or the quoted fallback, and keeps names beyond the BMP', () => {
    for (const name of ['乌力吉·巴雅尔 "x"; y\\z.pdf', '𡎚(2020)%.pdf', 'plain-name_v1.pdf']) {
      const header = contentDisposition(name);
      expect(decodedName(header), name).toBe(name);
      expect(header).toMatch(
        /^attachment; filename="[\x20-\x21\x23-\x5b\x5d-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$/,
      );
    }
    expect(contentDisposition('plain-name_v1.pdf')).toBe(
      `attachment; filename="plain-name_v1.pdf"; filename*=UTF-8''plain-name_v1.pdf`,
    );
  });

  it('takes a readable ASCII fallback when given one, instead of the Chinese name with its letters marked "_"', () => {
    const header = contentDisposition(
      '荣誉证书-何建华-追记个人一等功.pdf',
      'attachment',
      'certificate-merit-he-jianhua-v1.pdf',
    );
    expect(header).toMatch(/^attachment; filename="certificate-merit-he-jianhua-v1\.pdf"; filename\*=UTF-8''%E8/);
    expect(decodedName(header)).toBe('荣誉证书-何建华-追记个人一等功.pdf');
  });
});

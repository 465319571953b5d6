import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { MAX_LINK_SECONDS, S3DocumentLinks } from '../../../functions/adapters/s3/S3DocumentLinks.js';

const s3 = new S3Client({
  region: 'cn-north-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
});
const now = () => new Date('2020-03-02T08:00:00Z');

describe('S3DocumentLinks', () => {
  it('signs a GET that downloads a PDF under its Chinese name, for 15 minutes by default', async () => {
    const { url, expiresAt } = await new S3DocumentLinks(s3, 'documents', undefined, now).link(
      'awards/merit-he-xia/certificate-v1.pdf',
      '荣誉证书-贺霞.pdf',
    );
    const signed = new URL(url);
    expect(signed.pathname).toContain('awards/merit-he-xia/certificate-v1.pdf');
    expect(signed.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(signed.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(signed.searchParams.get('response-content-type')).toBe('application/pdf');
    expect(signed.searchParams.get('response-content-disposition')).toBe(
      `attachment; filename="_-_.pdf"; filename*=UTF-8''%E8%8D%A3%E8%AA%89%E8%AF%81%E4%B9%A6-%E8%B4%BA%E9%9C%9E.pdf`,
    );
    expect(expiresAt).toBe('2020-03-02T08:15:00.000Z');
  });

  it('signs a GET that downloads an OFD as application/ofd under its .ofd name', async () => {
    const { url } = await new S3DocumentLinks(s3, 'documents', undefined, now).link(
      'awards/merit-he-xia/certificate-v1.ofd',
      '荣誉证书-贺霞.ofd',
      'ofd',
    );
    const signed = new URL(url);
    expect(signed.pathname).toContain('awards/merit-he-xia/certificate-v1.ofd');
    expect(signed.searchParams.get('response-content-type')).toBe('application/ofd');
    expect(signed.searchParams.get('response-content-disposition')).toBe(
      `attachment; filename="_-_.ofd"; filename*=UTF-8''%E8%8D%A3%E8%AA%89%E8%AF%81%E4%B9%A6-%E8%B4%BA%E9%9C%9E.ofd`,
    );
  });

  it('gives old clients the readable ASCII name it is handed, the Chinese one to the rest', async () => {
    const { url } = await new S3DocumentLinks(s3, 'documents', undefined, now).link(
      'awards/merit-he-xia/certificate-v1.pdf',
      '荣誉证书-贺霞-个人三等功.pdf',
      'pdf',
      'certificate-merit-he-xia-v1.pdf',
    );
    expect(new URL(url).searchParams.get('response-content-disposition')).toMatch(
      /^attachment; filename="certificate-merit-he-xia-v1\.pdf"; filename\*=UTF-8''%E8%8D%A3/,
    );
  });

  it('caps the lifetime at the SigV4 maximum of seven days', async () => {
    const { url } = await new S3DocumentLinks(s3, 'documents', 30 * 24 * 3600, now).link(
      'awards/x/certificate-v1.pdf',
      'x.pdf',
    );
    expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe(String(MAX_LINK_SECONDS));
  });
});

import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { certificateIdentity } from '../../../functions/core/signing/certificateIdentity.js';
import { children, readElement } from '../../../functions/core/signing/der.js';
import { selfSignedCertificate } from '../../../functions/core/signing/selfSignedCertificate.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const certificate = selfSignedCertificate({
  subject: { commonName: '开发用签名证书（非正式）', organization: '测试机关' },
  privateKey,
  publicKey,
  serialNumber: Uint8Array.of(0x01, 0x23, 0x45),
  notBefore: new Date('2026-01-01T00:00:00Z'),
  notAfter: new Date('2046-01-01T00:00:00Z'),
});

describe('selfSignedCertificate', () => {
  const parsed = new X509Certificate(certificate);

  it('is an X.509 certificate Node parses, signed by its own key', () => {
    expect(parsed.verify(publicKey)).toBe(true);
    expect(parsed.publicKey.equals(publicKey)).toBe(true);
  });

  it('names the development certificate and its authority, as subject and issuer', () => {
    expect(parsed.subject).toBe('O=测试机关\nCN=开发用签名证书（非正式）');
    expect(parsed.issuer).toBe(parsed.subject);
    expect(parsed.serialNumber).toBe('012345');
    expect(new Date(parsed.validFrom).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(new Date(parsed.validTo).toISOString()).toBe('2046-01-01T00:00:00.000Z');
    expect(parsed.ca).toBe(false);
    // A signing key, not a certificate authority: OpenSSL will not take it as an issuer.
    expect(parsed.keyUsage).toBeUndefined(); // Node reports extended key usage only; none is set
    expect(parsed.checkIssued(parsed)).toBe(false);
  });

  it('gives its issuer and serial number as the CMS names them', () => {
    const identity = certificateIdentity(certificate);
    expect(Buffer.from(identity.serialNumber).toString('hex')).toBe('0203012345');
    const [organization] = children(readElement(identity.issuer));
    expect(Buffer.from(organization!.encoded).toString('utf8')).toContain('测试机关');
  });
});

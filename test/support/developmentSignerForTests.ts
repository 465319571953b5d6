import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selfSignedCertificate } from '../../functions/core/signing/selfSignedCertificate.js';
import { developmentSigner } from '../../local/developmentSigner.js';

/** A development key and certificate made once per test file in a fresh directory. */
export const testSigner = (authority = '内蒙古自治区公安厅') =>
  developmentSigner(mkdtempSync(join(tmpdir(), 'awards-signing-')), authority);

/** A fresh RSA-2048 key pair and a self-signed certificate for it, naming the given subject. */
export function testKeyAndCertificate(subject: { commonName: string; organization: string }) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const certificate = selfSignedCertificate({
    subject,
    privateKey,
    publicKey,
    serialNumber: Uint8Array.of(7),
    notBefore: new Date('2020-01-01T00:00:00Z'),
    notAfter: new Date('2040-01-01T00:00:00Z'),
  });
  return { privateKey, publicKey, certificate };
}

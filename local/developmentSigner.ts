import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { developmentCertificateSubject } from '../functions/core/signing/developmentCertificateSubject.js';
import { KeyObjectSigner } from '../functions/core/signing/KeyObjectSigner.js';
import { selfSignedCertificate } from '../functions/core/signing/selfSignedCertificate.js';

const KEY_FILE = 'signing-key.pem';
const CERTIFICATE_FILE = 'signing-certificate.der';
/** Long enough that a development certificate never expires under a running stack. */
const VALIDITY_YEARS = 20;

/**
 * The development signer under a data directory: an RSA-2048 key and a self-signed certificate
 * made on first use and read back afterwards, so documents signed across restarts name one key.
 */
export function developmentSigner(dataDir: string, authority: string): KeyObjectSigner {
  const keyPath = join(dataDir, KEY_FILE);
  const certificatePath = join(dataDir, CERTIFICATE_FILE);
  if (existsSync(keyPath) && existsSync(certificatePath)) {
    return new KeyObjectSigner(createPrivateKey(readFileSync(keyPath)), [readFileSync(certificatePath)]);
  }
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const notBefore = new Date();
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALIDITY_YEARS);
  const serialNumber = randomBytes(16);
  serialNumber[0]! &= 0x7f; // a positive serial number (RFC 5280 4.1.2.2)
  const certificate = selfSignedCertificate({
    subject: developmentCertificateSubject(authority),
    privateKey,
    publicKey,
    serialNumber,
    notBefore,
    notAfter,
  });
  // Private as the stack's data folder is, also when `npm run render` makes them outside a stack.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(certificatePath, certificate, { mode: 0o600 });
  return new KeyObjectSigner(privateKey, [certificate]);
}

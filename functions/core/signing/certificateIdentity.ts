import { children, readElement } from './der.js';

/** What a CMS signer names its certificate by: the issuer's Name and the serial number, as encoded. */
export interface CertificateIdentity {
  readonly issuer: Uint8Array;
  readonly serialNumber: Uint8Array;
}

/** Reads the issuer and serial number out of a DER X.509 certificate. */
export function certificateIdentity(certificate: Uint8Array): CertificateIdentity {
  const [tbs] = children(readElement(certificate));
  if (tbs === undefined || tbs.tag !== 0x30) throw new Error('certificate: no TBSCertificate');
  const fields = children(tbs);
  // The version is an optional [0]; the serial number follows it.
  const start = fields[0]?.tag === 0xa0 ? 1 : 0;
  const serialNumber = fields[start];
  const issuer = fields[start + 2];
  if (serialNumber?.tag !== 0x02 || issuer?.tag !== 0x30) throw new Error('certificate: no serial number or issuer');
  return { issuer: issuer.encoded, serialNumber: serialNumber.encoded };
}

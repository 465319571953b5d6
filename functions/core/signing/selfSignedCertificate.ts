import { createHash, type KeyObject, sign } from 'node:crypto';
import {
  bitString,
  boolean,
  explicit,
  integer,
  nullValue,
  objectIdentifier,
  octetString,
  sequence,
  setOf,
  time,
  tlv,
  unsignedInteger,
  utf8String,
} from './der.js';
import { OID } from './objectIdentifiers.js';

export interface CertificateSubject {
  readonly commonName: string;
  readonly organization: string;
}

export interface SelfSignedCertificateRequest {
  readonly subject: CertificateSubject;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly serialNumber: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/** An X.501 Name: O, then CN, each a UTF8String. */
export function distinguishedName(subject: CertificateSubject): Uint8Array {
  const attribute = (oid: string, value: string) => setOf(sequence(objectIdentifier(oid), utf8String(value)));
  return sequence(attribute(OID.organizationName, subject.organization), attribute(OID.commonName, subject.commonName));
}

const sha256WithRsa = () => sequence(objectIdentifier(OID.sha256WithRsaEncryption), nullValue());

/** keyUsage bits: digitalSignature (0) and nonRepudiation (1), the six unused bits declared. */
const SIGNING_KEY_USAGE = Uint8Array.of(0x03, 0x02, 0x06, 0xc0);

/**
 * An X.509 v3 certificate signed by its own key: a development signer that no one trusts, which
 * lets signatures be made and checked without a certificate authority.
 */
export function selfSignedCertificate(request: SelfSignedCertificateRequest): Uint8Array {
  const name = distinguishedName(request.subject);
  const spki = request.publicKey.export({ type: 'spki', format: 'der' });
  const keyIdentifier = createHash('sha1').update(spki).digest();
  const extension = (oid: string, critical: boolean, value: Uint8Array) =>
    sequence(objectIdentifier(oid), ...(critical ? [boolean(true)] : []), octetString(value));
  const tbs = sequence(
    explicit(0, integer(2)),
    unsignedInteger(request.serialNumber),
    sha256WithRsa(),
    name,
    sequence(time(request.notBefore), time(request.notAfter)),
    name,
    spki,
    explicit(
      3,
      sequence(
        extension(OID.basicConstraints, true, sequence()),
        extension(OID.keyUsage, true, SIGNING_KEY_USAGE),
        extension(OID.subjectKeyIdentifier, false, tlv(0x04, keyIdentifier)),
      ),
    ),
  );
  const signature = sign('sha256', tbs, request.privateKey);
  return sequence(tbs, sha256WithRsa(), bitString(signature));
}

import { createHash } from 'node:crypto';
import { certificateIdentity } from './certificateIdentity.js';
import type { DocumentSigner } from './DocumentSigner.js';
import {
  explicit,
  integer,
  nullValue,
  objectIdentifier,
  octetString,
  readElement,
  sequence,
  setOf,
  tlv,
} from './der.js';
import { OID } from './objectIdentifiers.js';

const sha256Algorithm = () => sequence(objectIdentifier(OID.sha256), nullValue());

const attribute = (oid: string, value: Uint8Array) => sequence(objectIdentifier(oid), setOf(value));

/**
 * The signed attributes PAdES baseline B-B asks for: content type, message digest and the ESS
 * signing-certificate-v2 that binds the signer's certificate. No signing time: PAdES puts it in
 * the signature dictionary's /M. Encoded as the SET OF that is signed (tag 0x31).
 */
export function signedAttributes(contentDigest: Uint8Array, certificate: Uint8Array): Uint8Array {
  const { issuer, serialNumber } = certificateIdentity(certificate);
  const certificateHash = createHash('sha256').update(certificate).digest();
  // ESSCertIDv2 with the default hash algorithm (SHA-256) left out, as DER requires.
  const essCertId = sequence(octetString(certificateHash), sequence(sequence(explicit(4, issuer)), serialNumber));
  return setOf(
    attribute(OID.contentType, objectIdentifier(OID.data)),
    attribute(OID.messageDigest, octetString(contentDigest)),
    attribute(OID.signingCertificateV2, sequence(sequence(essCertId))),
  );
}

/** A detached CMS SignedData (RFC 5652) over content whose SHA-256 digest is given, signed by the signer. */
export async function cmsSignedData(contentDigest: Uint8Array, signer: DocumentSigner): Promise<Uint8Array> {
  const [certificate] = signer.certificateChain;
  if (certificate === undefined) throw new Error('signer: no certificate');
  const attributes = signedAttributes(contentDigest, certificate);
  const signature = await signer.sign(attributes);
  const { issuer, serialNumber } = certificateIdentity(certificate);
  const signerInfo = sequence(
    integer(1),
    sequence(issuer, serialNumber),
    sha256Algorithm(),
    // In SignerInfo the attributes are [0] IMPLICIT: the same contents under another tag.
    tlv(0xa0, readElement(attributes).contents),
    sequence(objectIdentifier(OID.rsaEncryption), nullValue()),
    octetString(signature),
  );
  const signedData = sequence(
    integer(1),
    setOf(sha256Algorithm()),
    sequence(objectIdentifier(OID.data)),
    tlv(0xa0, ...signer.certificateChain),
    setOf(signerInfo),
  );
  return sequence(objectIdentifier(OID.signedData), explicit(0, signedData));
}

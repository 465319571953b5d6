import { createHash, verify, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cmsSignedData } from '../../../functions/core/signing/cmsSignedData.js';
import { children, type DerElement, readElement, tlv } from '../../../functions/core/signing/der.js';
import { KeyObjectSigner } from '../../../functions/core/signing/KeyObjectSigner.js';
import { testKeyAndCertificate } from '../../support/developmentSignerForTests.js';

const { privateKey, publicKey, certificate } = testKeyAndCertificate({
  commonName: 'test signer',
  organization: '测试机关',
});
const signer = new KeyObjectSigner(privateKey, [certificate]);
const digest = createHash('sha256').update('the document').digest();

const oidHex = (element: DerElement) => Buffer.from(element.encoded).toString('hex');
const OID_HEX = {
  signedData: '06092a864886f70d010702',
  contentType: '06092a864886f70d010903',
  messageDigest: '06092a864886f70d010904',
  signingCertificateV2: '060b2a864886f70d010910022f',
};

/** The SignerInfo of a ContentInfo holding a SignedData with one signer. */
function signerInfoOf(cms: Uint8Array) {
  const [contentType, wrapped] = children(readElement(cms));
  expect(oidHex(contentType!)).toBe(OID_HEX.signedData);
  const signedData = children(children(wrapped!)[0]!);
  const [version, , encapsulated, certificates, signerInfos] = signedData;
  expect([...version!.contents]).toEqual([1]);
  // Detached: the encapsulated content names id-data and holds nothing.
  expect(children(encapsulated!)).toHaveLength(1);
  expect(Buffer.from(certificates!.contents).equals(Buffer.from(certificate))).toBe(true);
  return children(children(signerInfos!)[0]!);
}

describe('cmsSignedData', () => {
  it('signs its signed attributes with the key: crypto.verify accepts them, re-tagged as a SET', async () => {
    const fields = signerInfoOf(await cmsSignedData(digest, signer));
    const signedAttributes = fields.find((field) => field.tag === 0xa0)!;
    const signature = fields.at(-1)!;
    const asSigned = tlv(0x31, signedAttributes.contents);
    expect(verify('sha256', asSigned, new X509Certificate(certificate).publicKey, signature.contents)).toBe(true);
    expect(verify('sha256', signedAttributes.encoded, publicKey, signature.contents)).toBe(false);
  });

  it('carries content type, the message digest and the signing certificate v2, and no signing time', async () => {
    const fields = signerInfoOf(await cmsSignedData(digest, signer));
    const attributes = children(fields.find((field) => field.tag === 0xa0)!).map((attribute) => {
      const [type, values] = children(attribute);
      return [oidHex(type!), children(values!)[0]!] as const;
    });
    expect(attributes.map(([type]) => type).sort()).toEqual(
      [OID_HEX.contentType, OID_HEX.messageDigest, OID_HEX.signingCertificateV2].sort(),
    );
    const byType = new Map(attributes);
    expect(Buffer.from(byType.get(OID_HEX.messageDigest)!.contents).equals(digest)).toBe(true);
    const essCertId = children(children(byType.get(OID_HEX.signingCertificateV2)!)[0]!)[0]!;
    const [certificateHash] = children(essCertId);
    expect(Buffer.from(certificateHash!.contents)).toEqual(createHash('sha256').update(certificate).digest());
  });

  it('is deterministic: the same digest and key give the same bytes', async () => {
    expect(Buffer.from(await cmsSignedData(digest, signer))).toEqual(Buffer.from(await cmsSignedData(digest, signer)));
  });
});

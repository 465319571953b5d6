import type { CertificateSubject } from './selfSignedCertificate.js';

/** What a development certificate's organization says, to anyone reading a signature: not for issue. */
export const DEVELOPMENT_ORGANIZATION = '开发用签名证书（非正式）';

/**
 * A development certificate's subject: its common name the authority's name, as the signer a
 * reader sees (pdfsig's "Signer Certificate Common Name"), its organization saying it is for
 * development only.
 */
export const developmentCertificateSubject = (authority: string): CertificateSubject => ({
  commonName: authority,
  organization: DEVELOPMENT_ORGANIZATION,
});

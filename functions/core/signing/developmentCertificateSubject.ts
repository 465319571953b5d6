import type { CertificateSubject } from './selfSignedCertificate.js';

/** The subject that says, to anyone reading a signature, that its key is for development only. */
export const developmentCertificateSubject = (authority: string): CertificateSubject => ({
  commonName: '开发用签名证书（非正式）',
  organization: authority,
});

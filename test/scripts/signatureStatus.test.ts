import { describe, expect, it } from 'vitest';
import { describeSignature, signatureStatus } from '../../scripts/lib/signatureStatus.js';

const VALID = `Digital Signature Info of: a.pdf
Signature #1:
  - Signature Field Name: 内蒙古自治区公安厅
  - Signer Certificate Common Name: 开发用签名证书（非正式）
  - Signed Ranges: [0 - 21146], [37532 - 38462]
  - Total document signed
  - Signature Validation: Signature is Valid.
  - Certificate Validation: Certificate issuer is unknown.
`;

describe('signatureStatus', () => {
  it('reads a valid signature over the whole document', () => {
    const status = signatureStatus(VALID);
    expect(status).toEqual({
      signatures: 1,
      valid: true,
      wholeDocument: true,
      signer: '开发用签名证书（非正式）',
      certificate: 'Certificate issuer is unknown.',
    });
    expect(describeSignature(status)).toBe(
      'signature: valid, whole document, by 开发用签名证书（非正式） (Certificate issuer is unknown.)',
    );
  });

  it('reports a broken signature, one not covering the file, and none', () => {
    const broken = VALID.replace('Signature is Valid.', 'Digest Mismatch.').replace('  - Total document signed\n', '');
    expect(describeSignature(signatureStatus(broken))).toMatch(/^signature: INVALID, NOT the whole document/);
    expect(describeSignature(signatureStatus("File 'a.pdf' does not contain any signatures\n"))).toBe(
      'signature: none',
    );
  });
});

/** What poppler's pdfsig says of a file's signatures, reduced to what a one-line report needs. */
export interface SignatureStatus {
  readonly signatures: number;
  readonly valid: boolean;
  readonly wholeDocument: boolean;
  readonly signer: string | undefined;
  readonly certificate: string | undefined;
}

/** Reads pdfsig's report: valid only when every signature is, whole only when the last covers the file. */
export function signatureStatus(report: string): SignatureStatus {
  const signatures = report.match(/^Signature #\d+:/gm)?.length ?? 0;
  const validations = [...report.matchAll(/Signature Validation: (.*)$/gm)].map(([, text]) => text!.trim());
  return {
    signatures,
    valid: signatures > 0 && validations.length === signatures && validations.every((v) => v === 'Signature is Valid.'),
    wholeDocument: /Total document signed/.test(report.split(/^Signature #\d+:/m).at(-1) ?? ''),
    signer: /Signer Certificate Common Name: (.*)$/m.exec(report)?.[1]?.trim(),
    certificate: /Certificate Validation: (.*)$/m.exec(report)?.[1]?.trim(),
  };
}

/** One line's signature part: "signature: valid, whole document, by <CN> (<certificate status>)". */
export function describeSignature(status: SignatureStatus): string {
  if (status.signatures === 0) return 'signature: none';
  const validity = status.valid ? 'valid' : 'INVALID';
  const coverage = status.wholeDocument ? 'whole document' : 'NOT the whole document';
  return `signature: ${validity}, ${coverage}, by ${status.signer ?? '?'} (${status.certificate ?? '?'})`;
}

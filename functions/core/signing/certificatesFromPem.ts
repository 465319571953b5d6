/** The DER certificates of a PEM text, in order (the signer's first): how stack context carries a chain. */
export function certificatesFromPem(pem: string): Uint8Array[] {
  const blocks = [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)];
  return blocks.map(([, body]) => Buffer.from(body!.replace(/\s+/g, ''), 'base64'));
}

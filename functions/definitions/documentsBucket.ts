/** The documents bucket's layout, shared by the render function, the links API and the local stack. */
export const DOCUMENTS_BUCKET = {
  /** Default bucket name for the local stack; a deployment's bucket is named by CloudFormation. */
  defaultName: 'award-documents',
  /** Each format's media type: OFD has no IANA registration; application/ofd is what OFD readers and servers use. */
  contentTypes: { pdf: 'application/pdf', ofd: 'application/ofd' },
  /** Object tag set on the documents of a revoked award. */
  withdrawnTag: { key: 'withdrawn', value: 'true' },
  /** Where each kind of object lives: the grants and listings name these prefixes. */
  prefixes: { awards: 'awards/', bulletins: 'bulletins/' },
} as const;

/** The formats every document is stored in: PDF (the default everywhere) and OFD (GB/T 33190) beside it. */
export type DocumentFormat = keyof typeof DOCUMENTS_BUCKET.contentTypes;

/**
 * awards/<record id>/<kind>-v<version>.pdf, and .ofd beside it: one object per document version
 * and format, never overwritten by another.
 */
export function documentKey(recordId: string, kind: string, version: number, format: DocumentFormat = 'pdf'): string {
  return `${DOCUMENTS_BUCKET.prefixes.awards}${recordId}/${kind}-v${version}.${format}`;
}

/** bulletins/<cut-off>.pdf|.ofd|.json, the cut-off in compact UTC (20200305T000000Z): one set per cut-off. */
export function bulletinKey(cutoff: string, extension: DocumentFormat | 'json'): string {
  const compact = new Date(cutoff)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return `${DOCUMENTS_BUCKET.prefixes.bulletins}${compact}.${extension}`;
}

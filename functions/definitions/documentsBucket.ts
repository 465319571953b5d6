/** The documents bucket's layout, shared by the render function, the links API and the local stack. */
export const DOCUMENTS_BUCKET = {
  /** Default bucket name for the local stack; a deployment's bucket is named by CloudFormation. */
  defaultName: 'award-documents',
  contentType: 'application/pdf',
  /** Object tag set on the documents of a revoked award. */
  withdrawnTag: { key: 'withdrawn', value: 'true' },
  /** Where each kind of object lives: the grants and listings name these prefixes. */
  prefixes: { awards: 'awards/', bulletins: 'bulletins/' },
} as const;

/** awards/<record id>/<kind>-v<version>.pdf: one object per document version, never overwritten by another. */
export function documentKey(recordId: string, kind: string, version: number): string {
  return `${DOCUMENTS_BUCKET.prefixes.awards}${recordId}/${kind}-v${version}.pdf`;
}

/** bulletins/<cut-off>.pdf|.json, the cut-off in compact UTC (20200305T000000Z): one pair per cut-off. */
export function bulletinKey(cutoff: string, extension: 'pdf' | 'json'): string {
  const compact = new Date(cutoff)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return `${DOCUMENTS_BUCKET.prefixes.bulletins}${compact}.${extension}`;
}

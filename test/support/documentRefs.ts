import type { DocumentRef } from '../../functions/core/award/Award.js';

/** The reference of a stored certificate of 张鹏's merit award (merit-zhang-peng), as the pipeline records it. */
export function certificateRef(version: number, changes: Partial<DocumentRef> = {}): DocumentRef {
  return {
    kind: 'certificate',
    version,
    key: `awards/merit-zhang-peng/certificate-v${version}.pdf`,
    sha256: 'x',
    pages: 1,
    bytes: 1,
    renderedAt: '2020-03-02T00:00:00Z',
    ...changes,
  };
}

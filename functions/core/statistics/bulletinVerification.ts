import { statisticsBulletinView } from '../documents/statisticsBulletinView.js';
import { maskedAddressee } from '../verification/maskedName.js';
import type { VerificationMarks } from '../verification/VerificationMarks.js';
import type { VerifiedDocument } from '../verification/VerifiedDocument.js';
import { bulletinName } from './bulletinName.js';
import type { BulletinFigures } from './Figures.js';

/** The statistics bulletin's kind, as its template is named and as its code is derived. */
export const BULLETIN_KIND = 'statistics-bulletin';
/** A bulletin is compiled once per cut-off and never changes: it has one version. */
export const BULLETIN_VERSION = 1;

/** The totals the bulletin reports for the whole region: what a copy with raised figures would change. */
function totalsOf({ region }: BulletinFigures): string {
  return (
    `战时记功${region.merit.total}个、嘉奖${region.commendation.total}个、` +
    `荣誉称号${region.honoraryTitle.total}个（全区合计）`
  );
}

/** What the bulletin's verification item holds: its code, held under its name, and what it prints. */
export async function bulletinVerification(
  marks: VerificationMarks,
  figures: BulletinFigures,
  authority: { readonly name: string },
  documentNumber: string,
  sha256: string,
  ofdSha256?: string,
): Promise<VerifiedDocument> {
  const holder = bulletinName(figures.cutoff);
  const { code } = (await marks.of(holder))(BULLETIN_KIND, BULLETIN_VERSION);
  return {
    code,
    holder,
    kind: BULLETIN_KIND,
    version: BULLETIN_VERSION,
    sha256,
    ...(ofdSha256 === undefined ? {} : { ofdSha256 }),
    title: '统计通报',
    authority: authority.name,
    issuedAt: figures.cutoff,
    documentNumber,
    recipient: maskedAddressee(statisticsBulletinView(figures, authority, documentNumber).addressee),
    award: totalsOf(figures),
  };
}

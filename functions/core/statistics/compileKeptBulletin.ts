import { createHash } from 'node:crypto';
import type { DocumentEngine } from '../engine/DocumentEngine.js';
import { statisticsBulletinView } from '../documents/statisticsBulletinView.js';
import type { HeldNumbers } from '../numbering/HeldNumbers.js';
import { numberOnce } from '../numbering/numberOnce.js';
import { numberingYear } from '../pipeline/documentNumber.js';
import { LEAGUES_AND_CITIES } from '../records/index.js';
import { REGION_SCOPE } from './changeDelta.js';
import { type Counters, figuresOfCounters } from './counters.js';
import type { VerificationMarks } from '../verification/VerificationMarks.js';
import type { VerificationIndex } from '../verification/VerifiedDocument.js';
import { bulletinName } from './bulletinName.js';
import { stillCurrent } from './stillCurrent.js';
import { BULLETIN_KIND, BULLETIN_VERSION, bulletinVerification } from './bulletinVerification.js';
import type { BulletinFigures, Figures, League } from './Figures.js';
import { subtractFigures } from './subtractFigures.js';
import type { DocumentSigner } from '../signing/DocumentSigner.js';
import { signPdf } from '../signing/signPdf.js';

/** The kept figures: one read of the region's and each 盟市's counters, however many awards there are. */
export interface KeptFigures {
  read(scopes: readonly string[]): Promise<Map<string, Partial<Counters>>>;
}

/** What the archive keeps beside a bulletin's PDF: its figures and its 文号. */
export interface NumberedBulletin extends BulletinFigures {
  readonly documentNumber: string;
  /** The PDF's SHA-256, which its verification item names (absent in bulletins archived before codes). */
  readonly sha256?: string;
  /** The OFD stored beside the PDF (absent in bulletins archived before OFD). */
  readonly ofdSha256?: string;
}

/** An archived bulletin; one archived before bulletins were numbered has no documentNumber. */
export type ArchivedBulletin = BulletinFigures &
  Partial<Pick<NumberedBulletin, 'documentNumber' | 'sha256' | 'ofdSha256'>>;

/** Compiled bulletins, by cut-off. */
export interface BulletinArchive {
  get(cutoff: string): Promise<ArchivedBulletin | undefined>;
  /** The latest bulletin compiled for a cut-off before this one. */
  latestBefore(cutoff: string): Promise<ArchivedBulletin | undefined>;
  /** Stores the PDF and the OFD beside it, then the figures: a bulletin is found only once all are stored. */
  put(cutoff: string, documents: { pdf: Uint8Array; ofd: Uint8Array }, bulletin: NumberedBulletin): Promise<void>;
}

export interface CompiledBulletin {
  /** The bulletin answered: this cut-off's, or the latest one's when it is unchanged (its cutoff says which). */
  readonly figures: BulletinFigures;
  /** Its 文号 (undefined only for a bulletin archived before bulletins were numbered). */
  readonly documentNumber: string | undefined;
  /** False when the bulletin for this cut-off already existed and was left as it is, or is unchanged. */
  readonly compiled: boolean;
  /** True when the latest bulletin still states the figures of its period: it is the answer, none was compiled. */
  readonly unchanged?: boolean;
}

/**
 * The scheduled statistics bulletin: the kept figures as of its cut-off, the change since the
 * previous bulletin, rendered and archived once per cut-off (a second run for the same cut-off
 * returns what the first stored, so a bulletin never changes once issued). Its 文号 comes from the
 * sequence of the deployment's own authority code, the one its praise bulletins take theirs from,
 * in the cut-off's year (Beijing time): one number per cut-off, held under the bulletin's name, so
 * a retried or concurrent run for the same cut-off prints the number the first one got.
 * A number is spent only on news: when the latest bulletin, of the same Beijing-time day, states
 * the figures as they still are, no bulletin is compiled and that one is the answer.
 */
export async function compileKeptBulletin(
  cutoff: string,
  deps: {
    figures: KeptFigures;
    archive: BulletinArchive;
    engine: DocumentEngine;
    numbers: HeldNumbers;
    /** The deployment's own authority: it issues the bulletin, and its code numbers it. */
    authority: { name: string; code: string; sealText?: string };
    /**
     * The deployment's verification marks, and where the bulletin's code is recorded once it is
     * archived (without them, as from files, the bulletin carries no mark).
     */
    marks?: VerificationMarks;
    verifications?: Pick<VerificationIndex, 'record'>;
    /** Signs the archived bulletin, as award documents are signed (without one, as from files, unsigned). */
    signer?: DocumentSigner;
  },
): Promise<CompiledBulletin> {
  const code = deps.authority.code.trim();
  if (code === '') {
    throw new Error(
      'statistics bulletin: no authority code to number it with: set authorityCode in cdk.json ' +
        '(the bulletin function reads it as AUTHORITY_CODE)',
    );
  }
  const { marks, verifications } = deps;
  const recordCode = async (figures: BulletinFigures, documentNumber: string, sha256: string, ofdSha256?: string) => {
    if (marks && verifications)
      await verifications.record(
        await bulletinVerification(marks, figures, deps.authority, documentNumber, sha256, ofdSha256),
      );
  };
  const existing = await deps.archive.get(cutoff);
  if (existing) {
    const { documentNumber, sha256, ofdSha256, ...figures } = existing;
    // A run that archived the bulletin and stopped before recording its code: recorded now (the same item).
    if (documentNumber !== undefined && sha256 !== undefined)
      await recordCode(figures, documentNumber, sha256, ofdSha256);
    return { figures, documentNumber, compiled: false };
  }
  const counters = await deps.figures.read([REGION_SCOPE, ...LEAGUES_AND_CITIES]);
  const region = figuresOfCounters(counters.get(REGION_SCOPE) ?? {});
  const byLeague = Object.fromEntries(
    LEAGUES_AND_CITIES.map((league) => [league, figuresOfCounters(counters.get(league) ?? {})]),
  ) as Record<League, Figures>;
  const previous = await deps.archive.latestBefore(cutoff);
  // A run for this cut-off that took its number before it stopped is retried whatever the figures:
  // its number is spent, and only its bulletin can carry it.
  if (stillCurrent(previous, { cutoff, region, byLeague }) && !(await deps.numbers.numberOf(bulletinName(cutoff)))) {
    const { documentNumber, sha256: _sha256, ofdSha256: _ofdSha256, ...latest } = previous;
    return { figures: latest, documentNumber, compiled: false, unchanged: true };
  }
  const figures: BulletinFigures = {
    cutoff,
    since: previous?.cutoff,
    region,
    byLeague,
    period: previous ? subtractFigures(region, previous.region) : region,
  };
  const verification = (await marks?.of(bulletinName(cutoff)))?.(BULLETIN_KIND, BULLETIN_VERSION);
  // Numbered first, drawn once: a bulletin that fails to draw keeps its number for the retry.
  const documentNumber = await numberOnce(deps.numbers, bulletinName(cutoff), { code, year: numberingYear(cutoff) });
  const rendered = await deps.engine.render(
    BULLETIN_KIND,
    statisticsBulletinView(figures, deps.authority, documentNumber, verification),
    {
      ofd: {
        customData: [
          ['bulletin', bulletinName(cutoff)],
          ['documentKind', BULLETIN_KIND],
          ['documentNumber', documentNumber],
          ...(verification ? [['verificationCode', verification.code] as const] : []),
        ],
      },
    },
  );
  const bytes = deps.signer ? await signPdf(rendered, deps.signer) : rendered.bytes;
  const ofd = rendered.ofd!;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const ofdSha256 = createHash('sha256').update(ofd).digest('hex');
  await deps.archive.put(cutoff, { pdf: bytes, ofd }, { ...figures, documentNumber, sha256, ofdSha256 });
  // Recorded once archived: a rerun finds the archive and records the same item again.
  await recordCode(figures, documentNumber, sha256, ofdSha256);
  return { figures, documentNumber, compiled: true };
}

import type { DocumentEngine } from '../engine/DocumentEngine.js';
import { statisticsBulletinView } from '../documents/statisticsBulletinView.js';
import type { HeldNumbers } from '../numbering/HeldNumbers.js';
import { numberOnce } from '../numbering/numberOnce.js';
import { numberingYear } from '../pipeline/documentNumber.js';
import { LEAGUES_AND_CITIES } from '../records/index.js';
import { REGION_SCOPE } from './changeDelta.js';
import { type Counters, figuresOfCounters } from './counters.js';
import { bulletinName } from './bulletinName.js';
import type { BulletinFigures, Figures, League } from './Figures.js';
import { subtractFigures } from './subtractFigures.js';

/** The kept figures: one read of the region's and each 盟市's counters, however many awards there are. */
export interface KeptFigures {
  read(scopes: readonly string[]): Promise<Map<string, Partial<Counters>>>;
}

/** What the archive keeps beside a bulletin's PDF: its figures and its 文号. */
export interface NumberedBulletin extends BulletinFigures {
  readonly documentNumber: string;
}

/** An archived bulletin; one archived before bulletins were numbered has no documentNumber. */
export type ArchivedBulletin = BulletinFigures & Partial<Pick<NumberedBulletin, 'documentNumber'>>;

/** Compiled bulletins, by cut-off. */
export interface BulletinArchive {
  get(cutoff: string): Promise<ArchivedBulletin | undefined>;
  /** The latest bulletin compiled for a cut-off before this one. */
  latestBefore(cutoff: string): Promise<ArchivedBulletin | undefined>;
  put(cutoff: string, pdf: Uint8Array, bulletin: NumberedBulletin): Promise<void>;
}

export interface CompiledBulletin {
  readonly figures: BulletinFigures;
  /** Its 文号 (undefined only for a bulletin archived before bulletins were numbered). */
  readonly documentNumber: string | undefined;
  /** False when the bulletin for this cut-off already existed and was left as it is. */
  readonly compiled: boolean;
}

/**
 * The scheduled statistics bulletin: the kept figures as of its cut-off, the change since the
 * previous bulletin, rendered and archived once per cut-off (a second run for the same cut-off
 * returns what the first stored, so a bulletin never changes once issued). Its 文号 comes from the
 * sequence of the deployment's own authority code, the one its praise bulletins take theirs from,
 * in the cut-off's year (Beijing time): one number per cut-off, held under the bulletin's name, so
 * a retried or concurrent run for the same cut-off prints the number the first one got.
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
  },
): Promise<CompiledBulletin> {
  const code = deps.authority.code.trim();
  if (code === '') {
    throw new Error(
      'statistics bulletin: no authority code to number it with: set authorityCode in cdk.json ' +
        '(the bulletin function reads it as AUTHORITY_CODE)',
    );
  }
  const existing = await deps.archive.get(cutoff);
  if (existing) {
    const { documentNumber, ...figures } = existing;
    return { figures, documentNumber, compiled: false };
  }
  const counters = await deps.figures.read([REGION_SCOPE, ...LEAGUES_AND_CITIES]);
  const region = figuresOfCounters(counters.get(REGION_SCOPE) ?? {});
  const byLeague = Object.fromEntries(
    LEAGUES_AND_CITIES.map((league) => [league, figuresOfCounters(counters.get(league) ?? {})]),
  ) as Record<League, Figures>;
  const previous = await deps.archive.latestBefore(cutoff);
  const figures: BulletinFigures = {
    cutoff,
    since: previous?.cutoff,
    region,
    byLeague,
    period: previous ? subtractFigures(region, previous.region) : region,
  };
  const render = (documentNumber: string) =>
    deps.engine.render('statistics-bulletin', statisticsBulletinView(figures, deps.authority, documentNumber));
  // A number goes only to a bulletin that renders: numberOnce tries it first with the widest number.
  const documentNumber = await numberOnce(
    deps.numbers,
    bulletinName(cutoff),
    { code, year: numberingYear(cutoff) },
    render,
  );
  const { bytes } = await render(documentNumber);
  await deps.archive.put(cutoff, bytes, { ...figures, documentNumber });
  return { figures, documentNumber, compiled: true };
}

import type { DocumentEngine } from '../engine/DocumentEngine.js';
import { statisticsBulletinView } from '../documents/statisticsBulletinView.js';
import { LEAGUES_AND_CITIES } from '../records/index.js';
import { REGION_SCOPE } from './changeDelta.js';
import { type Counters, figuresOfCounters } from './counters.js';
import type { BulletinFigures, Figures, League } from './Figures.js';
import { subtractFigures } from './subtractFigures.js';

/** The kept figures: one read of the region's and each 盟市's counters, however many awards there are. */
export interface KeptFigures {
  read(scopes: readonly string[]): Promise<Map<string, Partial<Counters>>>;
}

/** Compiled bulletins, by cut-off. */
export interface BulletinArchive {
  get(cutoff: string): Promise<BulletinFigures | undefined>;
  /** The latest bulletin compiled for a cut-off before this one. */
  latestBefore(cutoff: string): Promise<BulletinFigures | undefined>;
  put(cutoff: string, pdf: Uint8Array, figures: BulletinFigures): Promise<void>;
}

export interface CompiledBulletin {
  readonly figures: BulletinFigures;
  /** False when the bulletin for this cut-off already existed and was left as it is. */
  readonly compiled: boolean;
}

/**
 * The scheduled statistics bulletin: the kept figures as of its cut-off, the change since the
 * previous bulletin, rendered and archived once per cut-off (a second run for the same cut-off
 * returns what the first stored, so a bulletin never changes once issued).
 */
export async function compileKeptBulletin(
  cutoff: string,
  deps: {
    figures: KeptFigures;
    archive: BulletinArchive;
    engine: DocumentEngine;
    authority: { name: string; sealText?: string };
  },
): Promise<CompiledBulletin> {
  const existing = await deps.archive.get(cutoff);
  if (existing) return { figures: existing, compiled: false };
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
  const { bytes } = await deps.engine.render('statistics-bulletin', statisticsBulletinView(figures, deps.authority));
  await deps.archive.put(cutoff, bytes, figures);
  return { figures, compiled: true };
}

import type { Region } from '../records/index.js';

/** Awards of one kind: N = collectives + individuals (domain.md, "The statistics bulletin"). */
export interface AwardCount {
  readonly total: number;
  readonly collective: number;
  readonly individual: number;
}

/** Praise bulletins issued, and the collectives and individuals they name. */
export interface PraiseCount {
  readonly bulletins: number;
  readonly collectives: number;
  readonly individuals: number;
}

/** The figures of the statistics bulletin, for the whole region or one 盟市. */
export interface Figures {
  /** 战时记功: approved, not revoked merit awards of any grade. */
  readonly merit: AwardCount;
  /** 嘉奖: approved, not revoked commendations. */
  readonly commendation: AwardCount;
  /** 荣誉称号: approved, not revoked honorary titles (not in the seed's sentence; reported beside it). */
  readonly honoraryTitle: AwardCount;
  /** 送奖上门（岗）: in-person deliveries recorded on awards that count. */
  readonly deliveries: number;
  /** 嘉奖令: issued commendation orders. */
  readonly commendationOrders: number;
  /** 慰问电: issued telegrams (唁电 included). */
  readonly telegrams: number;
  /** 表扬通报. */
  readonly praise: PraiseCount;
}

/** The 12 盟市 (自治区-level records count in the whole region only). */
export type League = Exclude<Region, '自治区'>;

/** A bulletin's figures as of its cut-off, and for the period since the previous cut-off. */
export interface BulletinFigures {
  /** ISO 8601 cut-off: every count is "as of" this instant. */
  readonly cutoff: string;
  /** The previous bulletin's cut-off, where the period starts (exclusive); undefined for the first. */
  readonly since: string | undefined;
  readonly region: Figures;
  readonly byLeague: Readonly<Record<League, Figures>>;
  /** The change between `since` and `cutoff` for the whole region: what was added, less what was revoked. */
  readonly period: Figures;
}

import { arabicDate, beijingTime } from '../../functions/core/engine/templates/chineseDates.js';
import {
  RECORD_KIND_NAMES,
  RECORD_STATUS_NAMES,
  type RecordKind,
  type RecordStatus,
} from '../../functions/core/records/constants.js';

/** What the page prints for the API's codes: the names staff use, never the codes themselves. */
export const kindName = (kind: string): string => RECORD_KIND_NAMES[kind as RecordKind] ?? kind;
export const statusName = (status: string): string => RECORD_STATUS_NAMES[status as RecordStatus] ?? status;

/** 2020年2月14日, in Beijing time as the documents print it; a dash when there is no date. */
export const dateText = (iso: string | undefined): string => (iso ? arabicDate(iso) : '—');

/** 2020年2月14日 08:05 (Beijing time). */
export function dateTimeText(iso: string): string {
  const { hour, minute } = beijingTime(iso);
  return `${arabicDate(iso)} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** How long a download link still works, in whole minutes: "15分钟内有效", or "已过期". */
export function linkValidity(expiresAt: string, now: number = Date.now()): string {
  const minutes = Math.ceil((Date.parse(expiresAt) - now) / 60_000);
  if (minutes < 1) return Date.parse(expiresAt) > now ? '1分钟内有效' : '已过期';
  return minutes >= 120 ? `${Math.floor(minutes / 60)}小时内有效` : `${minutes}分钟内有效`;
}

/** 第2版，3页 — the version only when there has been a correction. */
export function documentFacts(document: { version: number; pages?: number }): string {
  const parts = [
    ...(document.version > 1 ? [`第${document.version}版`] : []),
    ...(document.pages ? [`${document.pages}页`] : []),
  ];
  return parts.join('，');
}

import { beijingTime } from '../engine/templates/chineseDates.js';

/** 内公奖〔2020〕12号: code, year in 六角括号 (U+3014/U+3015), serial, 号 — no 第, no zero padding. */
export function formatDocumentNumber(code: string, year: number, serial: number): string {
  return `${code}〔${year}〕${serial}号`;
}

/** A document's numbering year is its issue date's year in Beijing time. */
export function numberingYear(issuedAt: string): number {
  return beijingTime(issuedAt).year;
}

/** The sequence place of a number written as formatDocumentNumber writes it; undefined for any other text. */
export function parseDocumentNumber(
  documentNumber: string,
): { code: string; year: number; serial: number } | undefined {
  const match = /^(.+)〔(\d{4})〕([1-9]\d*)号$/.exec(documentNumber);
  return match ? { code: match[1]!, year: Number(match[2]), serial: Number(match[3]) } : undefined;
}

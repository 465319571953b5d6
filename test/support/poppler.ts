import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes PDF bytes to a temporary file so poppler's tools can read them. */
export function toTempFile(bytes: Uint8Array, name = 'document.pdf'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'awards-test-')), name);
  writeFileSync(path, bytes);
  return path;
}

/** Text as pdftotext extracts it, in reading order, one output line per text line. */
export function pdfText(bytes: Uint8Array, ...options: string[]): string {
  return execFileSync('pdftotext', [...options, toTempFile(bytes), '-'], { encoding: 'utf8' });
}

export interface PdfFontRow {
  readonly name: string;
  readonly type: string;
  readonly embedded: boolean;
  readonly subset: boolean;
  readonly unicode: boolean;
}

/** The font table that pdffonts prints. */
export function pdfFonts(bytes: Uint8Array): PdfFontRow[] {
  const output = execFileSync('pdffonts', [toTempFile(bytes)], { encoding: 'utf8' });
  return output
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const columns = line.trim().split(/\s+/);
      // name, type words…, encoding, emb, sub, uni, object, generation
      const [emb, sub, uni] = columns.slice(-5, -2);
      return {
        name: columns[0]!,
        type: columns.slice(1, -6).join(' '),
        embedded: emb === 'yes',
        subset: sub === 'yes',
        unicode: uni === 'yes',
      };
    });
}

export interface PdfTextLine {
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
  readonly text: string;
}

/** Lines of one page (1-based) with their boxes in points from the top-left, from pdftotext -bbox-layout. */
export function pageLines(bytes: Uint8Array, page: number): PdfTextLine[] {
  const xml = execFileSync(
    'pdftotext',
    ['-bbox-layout', '-f', String(page), '-l', String(page), toTempFile(bytes), '-'],
    { encoding: 'utf8' },
  );
  return [
    ...xml.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g),
  ].map(([, xMin, yMin, xMax, yMax, words]) => ({
    xMin: Number(xMin),
    yMin: Number(yMin),
    xMax: Number(xMax),
    yMax: Number(yMax),
    text: [...words!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
  }));
}

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

export interface GrayImage {
  readonly width: number;
  readonly height: number;
  /** One byte a pixel, row by row: 0 black, 255 white. */
  readonly pixels: Uint8Array;
}

/** Three bytes a pixel (red, green, blue), row by row. */
export type RgbImage = GrayImage;

/** One page as pdftoppm rasterises it, as a binary PGM (grey) or PPM (colour). */
function rasterise(bytes: Uint8Array, resolution: number, page: number, colour: boolean): GrayImage {
  const pdf = toTempFile(bytes);
  const root = join(mkdtempSync(join(tmpdir(), 'awards-raster-')), 'page');
  const number = String(page);
  const mode = colour ? [] : ['-gray'];
  execFileSync('pdftoppm', ['-r', String(resolution), ...mode, '-f', number, '-l', number, '-singlefile', pdf, root]);
  const image = readFileSync(`${root}.${colour ? 'ppm' : 'pgm'}`);
  const header = /^P[56]\s+(\d+)\s+(\d+)\s+255\s/.exec(image.toString('latin1', 0, 64));
  if (!header) throw new Error('pdftoppm wrote no binary PGM/PPM');
  return { width: Number(header[1]), height: Number(header[2]), pixels: image.subarray(header[0].length) };
}

/** A page as pdftoppm rasterises it, in grey levels. */
export function pdfPageGray(bytes: Uint8Array, resolution = 60, page = 1): GrayImage {
  return rasterise(bytes, resolution, page, false);
}

/** A page as pdftoppm rasterises it, in colour. */
export function pdfPageRgb(bytes: Uint8Array, resolution = 60, page = 1): RgbImage {
  return rasterise(bytes, resolution, page, true);
}

import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';
import { toTempFile } from './poppler.js';

const run = promisify(execFile);

/**
 * What a reader finds on a page: the page rasterised at 300 dpi by poppler, read by zbar's
 * zbarimg (Debian zbar-tools), as a phone would read the printed sheet. Empty when it finds none.
 */
export async function decodeQrCodes(bytes: Uint8Array, page = 1): Promise<string[]> {
  const pdf = toTempFile(bytes);
  const prefix = join(dirname(pdf), 'page');
  await run('pdftoppm', ['-r', '300', '-png', '-f', String(page), '-l', String(page), pdf, prefix]);
  const png = readdirSync(dirname(pdf)).find((file) => file.startsWith('page') && file.endsWith('.png'))!;
  try {
    const { stdout } = await run('zbarimg', ['--raw', '-q', join(dirname(pdf), png)], { encoding: 'utf8' });
    return stdout.split('\n').filter((line) => line !== '');
  } catch (error) {
    // zbarimg exits 4 when the image holds no code (its stderr carries D-Bus noise in containers).
    if ((error as { code?: number }).code === 4) return [];
    throw error;
  }
}

export interface Rectangle {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

const NUMBER = '-?[\\d.]+';
const FILL = new RegExp(`0 0 0 rg((?: ${NUMBER} ${NUMBER} ${NUMBER} ${NUMBER} re)+) f`, 'g');

/**
 * The rectangles each page fills in black, in points from the paper's top-left corner, read from
 * the PDF's content streams: a QR code's modules (nothing else in these documents is a black fill).
 */
export async function blackRectangles(bytes: Uint8Array): Promise<Rectangle[][]> {
  const document = await PDFDocument.load(bytes);
  return document.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams =
      contents instanceof PDFArray ? contents.asArray().map((ref) => document.context.lookup(ref)) : [contents];
    const stream = streams
      .map((part) => {
        if (!(part instanceof PDFRawStream)) throw new Error('expected raw content streams');
        return inflateSync(part.getContents()).toString('latin1');
      })
      .join('\n');
    const height = page.getHeight();
    return [...stream.matchAll(FILL)].flatMap(([, rects]) =>
      [...rects!.matchAll(new RegExp(`(${NUMBER}) (${NUMBER}) (${NUMBER}) (${NUMBER}) re`, 'g'))].map(
        ([, x, y, w, h]) => ({
          left: Number(x),
          right: Number(x) + Number(w),
          top: height - Number(y) - Number(h),
          bottom: height - Number(y),
        }),
      ),
    );
  });
}

/** The smallest rectangle holding all of them. */
export function extentOf(rectangles: readonly Rectangle[]): Rectangle {
  return {
    left: Math.min(...rectangles.map((r) => r.left)),
    top: Math.min(...rectangles.map((r) => r.top)),
    right: Math.max(...rectangles.map((r) => r.right)),
    bottom: Math.max(...rectangles.map((r) => r.bottom)),
  };
}

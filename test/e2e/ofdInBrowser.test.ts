import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { type PdfAndOfd, renderPdfAndOfd } from '../support/ofdDocuments.js';
import { compareInk, differenceImage, rasterizeOfd, writePng } from '../support/ofdRaster.js';
import { pdfPageRgb, type RgbImage } from '../support/poppler.js';

/**
 * 200 dpi: CJK strokes are 3–4 pixels wide, so both rasterisers draw them as solid ink (at 96 dpi
 * a stroke is one pixel that Chromium draws dark and poppler light grey, and a tenth of all ink
 * differed for that alone).
 */
const DPI = 200;
/** Ink is matched within one pixel (0.13 mm): what anti-aliasing, hinting and baseline snapping move. */
const RADIUS_PX = 1;
/** 10 mm squares, where unmatched ink is counted. */
const TILE_PX = 80;
/**
 * Limits, from the six documents' 18 pages as rendered when this test was written: unmatched ink
 * was at most 1.5 % of a page's ink and 113 pixels in any 10 mm square, spread thin over every
 * stroke. One body-text character (16 pt) is ~500 pixels of ink at 200 dpi, a 9 pt one ~150: a
 * missing, extra or displaced character, rule or seal leaves more than the tile limit in its square.
 */
const PAGE_LIMIT = 0.025;
const TILE_LIMIT = 150;
const OUT = process.env.OFD_RASTER_DIR ?? join('/tmp', 'ofd-vs-pdf');

interface PageVerdict {
  readonly page: number;
  readonly unmatchedShare: number;
  readonly worstTile: { readonly x: number; readonly y: number; readonly unmatched: number };
}

/** Each page of the OFD as ofd.js draws it against the PDF's page as poppler draws it, both ways. */
async function compare(name: string, pdf: Uint8Array, ofd: Uint8Array): Promise<PageVerdict[]> {
  const rasters = await rasterizeOfd(ofd, DPI);
  return rasters.map((fromOfd, index) => {
    const fromPdf = pdfPageRgb(pdf, DPI, index + 1);
    const file = `${name.replace(/ /g, '-')}-${index + 1}`;
    writePng(fromOfd, join(OUT, `${file}-ofd.png`));
    writePng(fromPdf, join(OUT, `${file}-pdf.png`));
    writePng(differenceImage(fromOfd, fromPdf), join(OUT, `${file}-difference.png`));
    const [ofdInk, pdfInk] = [
      compareInk(fromOfd, fromPdf, RADIUS_PX, TILE_PX),
      compareInk(fromPdf, fromOfd, RADIUS_PX, TILE_PX),
    ];
    const worse = ofdInk.worstTile.unmatched >= pdfInk.worstTile.unmatched ? ofdInk : pdfInk;
    return {
      page: index + 1,
      unmatchedShare: Math.max(ofdInk.unmatched / ofdInk.ink, pdfInk.unmatched / pdfInk.ink),
      worstTile: worse.worstTile,
    };
  });
}

const passes = (verdict: PageVerdict) =>
  verdict.unmatchedShare <= PAGE_LIMIT && verdict.worstTile.unmatched <= TILE_LIMIT;

/** The OFD with one XML part changed: what the comparison must notice. */
function tampered(ofd: Uint8Array, entry: string, change: (xml: string) => string): Uint8Array {
  const files = unzipSync(ofd);
  files[entry] = new TextEncoder().encode(change(new TextDecoder().decode(files[entry]!)));
  return zipSync(files);
}

/** Pixels a reader would call ink, so an empty raster cannot pass. */
function inkPixels(image: RgbImage): number {
  let ink = 0;
  for (let p = 0; p < image.pixels.length; p += 3)
    if (Math.min(image.pixels[p]!, image.pixels[p + 1]!, image.pixels[p + 2]!) < 160) ink++;
  return ink;
}

describe('OFD in a browser viewer (ofd.js in Chromium) against the PDF in poppler, at 200 dpi', () => {
  let documents: Record<string, PdfAndOfd>;
  beforeAll(async () => {
    documents = await renderPdfAndOfd();
    mkdirSync(OUT, { recursive: true });
  }, 120_000);

  it.each(['certificate', 'commendation-order', 'praise-bulletin', 'telegram', 'long order', 'statistics-bulletin'])(
    '%s: every page draws the same ink in the same places',
    async (kind) => {
      const { pdf, ofd, pages } = documents[kind]!;
      const verdicts = await compare(kind, pdf, ofd);
      expect(verdicts).toHaveLength(pages);
      for (const verdict of verdicts) {
        expect(verdict.unmatchedShare, `page ${verdict.page}`).toBeLessThanOrEqual(PAGE_LIMIT);
        expect(
          verdict.worstTile.unmatched,
          `page ${verdict.page} at ${JSON.stringify(verdict.worstTile)}`,
        ).toBeLessThanOrEqual(TILE_LIMIT);
      }
      expect(inkPixels((await rasterizeOfd(ofd, 25.4))[0]!)).toBeGreaterThan(100);
    },
    180_000,
  );

  it('notices a name moved by half a millimetre, a character left out, and a black seal', async () => {
    const { pdf, ofd } = documents.certificate!;
    const content = 'Doc_0/Pages/Page_0/Content.xml';
    const moved = tampered(ofd, content, (xml) =>
      xml.replace(
        /(<ofd:TextObject ID="\d+" Boundary=")([\d.]+)( [^"]+"[^>]*><ofd:FillColor[^>]*\/><ofd:TextCode[^>]*>张)/,
        (_, head, x, tail) => `${head}${(Number(x) + 0.5).toFixed(3)}${tail}`,
      ),
    );
    const missing = tampered(ofd, content, (xml) => xml.replace(/(<ofd:TextCode[^>]*>)张鹏/, '$1张'));
    const blackSeal = tampered(ofd, 'Doc_0/Annots/Page_0/Annotation.xml', (xml) => xml.replaceAll('255 0 0', '0 0 0'));
    for (const [what, changed] of [
      ['moved', moved],
      ['missing', missing],
      ['black seal', blackSeal],
    ] as const) {
      expect(Buffer.from(changed).equals(Buffer.from(ofd)), `${what}: the tampering took`).toBe(false);
      const [verdict] = await compare(`tampered-${what}`, pdf, changed);
      expect(passes(verdict!), `${what}: ${JSON.stringify(verdict)}`).toBe(false);
    }
  }, 180_000);
});

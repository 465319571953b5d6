/**
 * Peer renderer #1: the 荣誉证书 drawn with pdfmake 0.3.x (server-side API, on top of pdfkit).
 *
 * Used by the benchmark as "what a user would write with pdfmake instead of our engine".
 * It is written to be fair and as fast as pdfmake realistically gets:
 *  - the two Noto Serif SC TTF files are read from disk once (in `create`) and handed to
 *    pdfmake's in-memory virtual file system, so no document touches the disk;
 *  - the document definition is built directly (no template engine);
 *  - defaults are kept otherwise: pdfkit opens the font from the buffer for each document
 *    and embeds a subset of the used glyphs (pdfmake/pdfkit's normal behaviour), compressed
 *    content streams.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { CertificateFields } from './CertificateFields.js';
import { NOTO_SERIF_SC_BOLD, NOTO_SERIF_SC_REGULAR } from './fonts.js';

/** The part of pdfmake 0.3's server-side singleton we use (no @types/pdfmake is installed). */
interface PdfmakeServer {
  virtualfs: { writeFileSync(filename: string, content: Buffer): void };
  setFonts(fonts: Record<string, { normal: string; bold: string }>): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
  createPdf(
    docDefinition: Record<string, unknown>,
    options?: Record<string, unknown>,
  ): {
    getBuffer(): Promise<Buffer>;
  };
}

const require = createRequire(import.meta.url);

/**
 * Virtual-file-system keys. They are deliberately the fonts' PostScript names: pdfkit caches
 * an opened font under its PostScript name, and pdfmake's SVG text (used for the seal's arc
 * text) asks pdfkit for the font by its file key, so the SVG text reuses the font already
 * opened for the paragraphs instead of trying to read a file from disk.
 */
const VFS_REGULAR = 'NotoSerifSC-Regular';
const VFS_BOLD = 'NotoSerifSC-Bold';
const FAMILY = 'NotoSerifSC';

// ---- Geometry (pt, origin top-left). Kept in step with TypstCertificateRenderer. ----
const PAGE_W = 841.89;
const PAGE_H = 595.28;
const RED = '#C8161D';
const MARGIN_X = 110;
const MARGIN_TOP = 88;
const BODY_SIZE = 22;
/** Extra space between lines/paragraphs: 22 pt × 1.448 (font line height) × 1.2 + 4 ≈ 42 pt pitch. */
const LINE_GAP = 4;
/** Centre of the authority/date block and of the seal stamped over it. */
const SIGN_CX = 630;
const SIGN_TOP = 408;
const SIGN_W = 260;
const SEAL_CY = 438;
const SEAL_R = 58;
const SEAL_TEXT_R = 43; // radius of the centres of the arc characters
const SEAL_TEXT_SIZE = 15;
const SEAL_STAR_R = 17;
const SEAL_OPACITY = 0.85;

/** A five-pointed star (10 vertices), point up, centred at (cx, cy). */
function starPoints(cx: number, cy: number, outer: number): { x: number; y: number }[] {
  const inner = outer * 0.382;
  const points: { x: number; y: number }[] = [];
  for (let k = 0; k < 10; k++) {
    const r = k % 2 === 0 ? outer : inner;
    const a = (-90 + k * 36) * (Math.PI / 180);
    points.push({ x: cx + r * Math.cos(a), y: cy + r * Math.sin(a) });
  }
  return points;
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The authority's name along the upper arc of the seal, as SVG: pdfmake has no rotated text
 * of its own (only the watermark rotates), but its SVG support (svg-to-pdfkit) honours
 * `transform="rotate(...)"` on <text>, so each character is placed and rotated there.
 * Coordinates are relative to the seal's bounding square.
 */
function sealArcSvg(name: string): string {
  const chars = Array.from(name);
  const n = chars.length;
  const size = 2 * SEAL_R;
  const step = n > 1 ? Math.min(25, 220 / (n - 1)) : 0;
  let texts = '';
  chars.forEach((ch, i) => {
    const deg = -((n - 1) * step) / 2 + i * step;
    const a = (deg * Math.PI) / 180;
    const x = SEAL_R + SEAL_TEXT_R * Math.sin(a);
    const y = SEAL_R - SEAL_TEXT_R * Math.cos(a);
    texts +=
      `<text transform="translate(${x.toFixed(2)} ${y.toFixed(2)}) rotate(${deg.toFixed(2)})" ` +
      `x="0" y="0" text-anchor="middle" dominant-baseline="central">${escapeXml(ch)}</text>`;
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">` +
    `<g font-family="${FAMILY}" font-weight="bold" font-size="${SEAL_TEXT_SIZE}" ` +
    `fill="${RED}" fill-opacity="${SEAL_OPACITY}">` +
    texts +
    `</g></svg>`
  );
}

export class PdfmakeCertificateRenderer {
  private constructor(private readonly pdfmake: PdfmakeServer) {}

  /** Loads pdfmake and reads the two font files into memory, once. */
  static async create(): Promise<PdfmakeCertificateRenderer> {
    const pdfmake = require('pdfmake') as PdfmakeServer;
    const [regular, bold] = await Promise.all([readFile(NOTO_SERIF_SC_REGULAR), readFile(NOTO_SERIF_SC_BOLD)]);
    pdfmake.virtualfs.writeFileSync(VFS_REGULAR, regular);
    pdfmake.virtualfs.writeFileSync(VFS_BOLD, bold);
    pdfmake.setFonts({ [FAMILY]: { normal: VFS_REGULAR, bold: VFS_BOLD } });
    // Everything comes from memory: refuse network and local-file access (this also
    // silences pdfmake's "no access policy defined" warnings).
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    return new PdfmakeCertificateRenderer(pdfmake);
  }

  async render(fields: CertificateFields): Promise<Uint8Array> {
    const buffer = await this.pdfmake.createPdf(this.docDefinition(fields)).getBuffer();
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }

  private docDefinition(f: CertificateFields): Record<string, unknown> {
    const sealX = SIGN_CX - SEAL_R;
    const sealY = SEAL_CY - SEAL_R;
    return {
      pageSize: 'A4',
      pageOrientation: 'landscape',
      pageMargins: [MARGIN_X, MARGIN_TOP, MARGIN_X, 60],
      info: { title: f.title },
      defaultStyle: { font: FAMILY, fontSize: BODY_SIZE, lineHeight: 1.2 },
      // Red double border, drawn on every page's background layer at page coordinates.
      background: () => ({
        canvas: [
          { type: 'rect', x: 22, y: 22, w: PAGE_W - 44, h: PAGE_H - 44, lineWidth: 3, lineColor: RED },
          { type: 'rect', x: 30, y: 30, w: PAGE_W - 60, h: PAGE_H - 60, lineWidth: 1, lineColor: RED },
        ],
      }),
      content: [
        {
          // Letter-spaced title. pdfmake's `characterSpacing` has no effect on CJK text (each
          // ideograph becomes its own inline and the spacing is applied only between characters
          // of an inline), so an en space (U+2002, 0.5 em) separates the characters instead.
          text: Array.from(f.title).join('\u2002'),
          bold: true,
          fontSize: 38,
          color: RED,
          alignment: 'center',
          lineHeight: 1,
          margin: [0, 0, 0, 42],
        },
        { text: f.recipientLine, margin: [0, 0, 0, LINE_GAP] },
        { text: f.body, leadingIndent: 2 * BODY_SIZE, alignment: 'justify', margin: [0, 0, 0, LINE_GAP] },
        { text: f.encouragement, leadingIndent: 2 * BODY_SIZE },
        // Authority and date, centred on each other at the lower right.
        {
          absolutePosition: { x: SIGN_CX - SIGN_W / 2, y: SIGN_TOP },
          columns: [
            {
              width: SIGN_W,
              alignment: 'center',
              stack: [{ text: f.authority }, { text: f.date, margin: [0, LINE_GAP, 0, 0] }],
            },
          ],
        },
        // The seal, stamped over the authority/date: ring + star with canvas ...
        {
          absolutePosition: { x: sealX, y: sealY },
          canvas: [
            {
              type: 'ellipse',
              x: SEAL_R,
              y: SEAL_R,
              r1: SEAL_R - 1.5,
              r2: SEAL_R - 1.5,
              lineWidth: 3,
              lineColor: RED,
              strokeOpacity: SEAL_OPACITY,
            },
            {
              type: 'polyline',
              points: starPoints(SEAL_R, SEAL_R, SEAL_STAR_R),
              closePath: true,
              lineWidth: 0,
              color: RED,
              fillOpacity: SEAL_OPACITY,
            },
          ],
        },
        // ... and the authority's name along its upper arc with SVG (see sealArcSvg).
        {
          absolutePosition: { x: sealX, y: sealY },
          svg: sealArcSvg(f.authority),
          width: 2 * SEAL_R,
          height: 2 * SEAL_R,
          font: FAMILY,
        },
      ],
    };
  }
}

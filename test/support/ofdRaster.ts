import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { launchChromium } from './chromium.js';
import type { RgbImage } from './poppler.js';

// Scale and size: ofd.js lays pages out at Scale px/mm, set here to dpi / 25.4 with setPageScale before
// renderOfdByScale (renderOfd would round it to 0.1 and cap it at 5). The page div is mm × Scale wide, unrounded;
// the screenshot takes ceil() of that, as pdftoppm does, and the body's white fills the last partial pixel.
// What ofd.js 0.2.6 does with the OFD, which the writer must respect: it never reads FontFile (text is an SVG <text>
// per character, font-family = FamilyName, else FontName, unquoted, after its 宋体/楷体/黑体/… substring mapping);
// objects stack by z-index = their ID, not by element order; Boundary does not clip; TextCode Y is the baseline.
const OFD_JS = join(dirname(createRequire(import.meta.url).resolve('ofd.js/package.json')), 'lib', 'ofd.umd.min.js');

/** ofd.js 0.2.6 clamps its scale (px per mm) to [1, 10] when renderOfd has never run: 25.4–254 dpi. */
const MIN_DPI = 25.4;
const MAX_DPI = 254;

/** One embedded font as the page registered it. */
export interface OfdFontFace {
  readonly family: string;
  readonly file: string;
  readonly status: string;
}

export interface OfdRaster {
  readonly pages: RgbImage[];
  /** Every FontFace the page registered (FamilyName and FontName of each ofd:Font with a FontFile). */
  readonly fonts: OfdFontFace[];
}

/** Each page of an OFD as ofd.js 0.2.6 draws it in Debian's Chromium, sized like pdftoppm's raster at the same dpi. */
export async function rasterizeOfd(ofd: Uint8Array, dpi: number): Promise<RgbImage[]> {
  return (await rasterizeOfdWithFonts(ofd, dpi)).pages;
}

/** rasterizeOfd, plus the embedded fonts the page registered, so tests can see they were really loaded. */
export async function rasterizeOfdWithFonts(ofd: Uint8Array, dpi: number): Promise<OfdRaster> {
  if (!(dpi >= MIN_DPI && dpi <= MAX_DPI))
    throw new Error(`ofd.js 0.2.6 renders ${MIN_DPI}–${MAX_DPI} dpi, not ${dpi}`);
  const entries = unzipSync(ofd);
  const server = await serve(ofd, entries);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ deviceScaleFactor: 1, viewport: { width: 800, height: 600 } });
    const page = await context.newPage();
    const blocked: string[] = [];
    // Nothing but our own server: a viewer that fetched fonts or scripts elsewhere would make the test flaky.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`)) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${origin}/`);
    const rendered = await page.evaluate(renderInPage, dpi / 25.4);
    if (rendered.error) throw new Error(`ofd.js could not render the OFD: ${rendered.error}`);
    const failed = rendered.fonts.filter((font) => font.status !== 'loaded');
    if (failed.length > 0) throw new Error(`embedded fonts did not load: ${JSON.stringify(failed)}`);
    const pages: RgbImage[] = [];
    for (const [index, size] of rendered.pages.entries()) {
      // pdftoppm sizes its raster with ceil(points × dpi / 72); the epsilon keeps float noise from adding a pixel.
      const width = Math.ceil(size.width - 1e-6);
      const height = Math.ceil(size.height - 1e-6);
      await page.setViewportSize({ width, height });
      await page.evaluate(showOnly, index);
      const png = await page.screenshot({ clip: { x: 0, y: 0, width, height }, animations: 'disabled' });
      const image = decodePng(png);
      if (image.width !== width || image.height !== height)
        throw new Error(`screenshot is ${image.width}×${image.height}, expected ${width}×${height}`);
      pages.push(image);
    }
    if (blocked.length > 0) throw new Error(`the viewer page tried to reach the network: ${blocked.join(', ')}`);
    if (pageErrors.length > 0) throw new Error(`errors in the viewer page: ${pageErrors.join('; ')}`);
    return { pages, fonts: rendered.fonts };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Serves the viewer page, ofd.js, the OFD itself and its unzipped entries (for the page's FontFaces). */
async function serve(ofd: Uint8Array, entries: Record<string, Uint8Array>): Promise<Server> {
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0;background:#fff;' +
    'overflow:hidden}#pages>div{margin:0!important}</style></head><body><div id="pages"></div>' +
    '<script src="/ofd.umd.min.js"></script></body></html>';
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const send = (type: string, body: Uint8Array | string) => {
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (path === '/') return send('text/html; charset=utf-8', html);
    if (path === '/ofd.umd.min.js') return send('text/javascript', readFileSync(OFD_JS));
    if (path === '/document.ofd') return send('application/octet-stream', ofd);
    const entry = path.startsWith('/entry/') ? entries[path.slice('/entry/'.length)] : undefined;
    if (entry) return send('application/octet-stream', entry);
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return server;
}

interface RenderedInPage {
  readonly error?: string;
  readonly fonts: OfdFontFace[];
  /** Page sizes in CSS px (= image px at deviceScaleFactor 1), as ofd.js laid out the page divs. */
  readonly pages: { width: number; height: number }[];
}

interface OfdJs {
  parseOfdDocument(options: { ofd: ArrayBuffer; success(res: unknown[]): void; fail(error: unknown): void }): void;
  setPageScale(scale: number): void;
  getPageScale(): number;
  renderOfdByScale(document: unknown): HTMLDivElement[];
}

/** Runs in the page: registers the embedded fonts, then has ofd.js parse and lay out every page at `scale` px/mm. */
async function renderInPage(scale: number): Promise<RenderedInPage> {
  const fonts: OfdFontFace[] = [];
  try {
    const xml = async (path: string) => {
      const response = await fetch(`/entry/${path}`);
      if (!response.ok) throw new Error(`${path} is not in the package`);
      return new DOMParser().parseFromString(await response.text(), 'application/xml');
    };
    // ST_Loc: "/x" is from the package root, anything else from the directory of the file that names it.
    const resolve = (from: string, loc: string) => {
      const parts = loc.startsWith('/') ? [] : from.split('/').slice(0, -1);
      for (const part of loc.split('/')) {
        if (part === '..') parts.pop();
        else if (part !== '.' && part !== '') parts.push(part);
      }
      return parts.join('/');
    };
    const children = (parent: Element | Document, name: string) =>
      [...parent.getElementsByTagNameNS('*', name)].map((element) => element.textContent?.trim() ?? '');
    const faces: Promise<unknown>[] = [];
    const root = await xml('OFD.xml');
    for (const docRoot of children(root, 'DocRoot')) {
      const documentPath = resolve('OFD.xml', docRoot);
      const document_ = await xml(documentPath);
      for (const resLoc of [...children(document_, 'PublicRes'), ...children(document_, 'DocumentRes')]) {
        const resPath = resolve(documentPath, resLoc);
        const res = await xml(resPath);
        const baseLoc = res.documentElement.getAttribute('BaseLoc');
        // Resource files resolve against BaseLoc, itself relative to the Res file.
        const base = baseLoc ? `${resolve(resPath, baseLoc)}/` : resPath;
        for (const font of res.getElementsByTagNameNS('*', 'Font')) {
          const fontFile = children(font, 'FontFile')[0];
          if (!fontFile) continue;
          const file = resolve(base, fontFile);
          const response = await fetch(`/entry/${file}`);
          if (!response.ok) throw new Error(`font file ${file} is not in the package`);
          const bytes = await response.arrayBuffer();
          const names = new Set([font.getAttribute('FamilyName'), font.getAttribute('FontName')]);
          for (const family of names) {
            if (!family) continue;
            const face = new FontFace(family, bytes.slice(0));
            window.document.fonts.add(face);
            const record = { family, file, status: 'loading' };
            fonts.push(record);
            faces.push(
              face.load().then(
                () => (record.status = face.status),
                (error) => (record.status = `error: ${error}`),
              ),
            );
          }
        }
      }
    }
    await Promise.all(faces);
    const ofd = (window as unknown as { ofd: OfdJs }).ofd;
    const ofdBytes = await (await fetch('/document.ofd')).arrayBuffer();
    const parsed = await new Promise<unknown[]>((resolve_, reject) =>
      ofd.parseOfdDocument({ ofd: ofdBytes, success: resolve_, fail: reject }),
    );
    ofd.setPageScale(scale);
    if (ofd.getPageScale() !== scale) throw new Error(`ofd.js took scale ${scale} px/mm as ${ofd.getPageScale()}`);
    const container = window.document.getElementById('pages')!;
    const divs = ofd.renderOfdByScale(parsed[0]);
    for (const div of divs) container.appendChild(div);
    await window.document.fonts.ready;
    // ofd.js writes the page size into the div's style as mm × scale, unrounded.
    const pages = divs.map((div) => ({
      width: Number.parseFloat(div.style.width),
      height: Number.parseFloat(div.style.height),
    }));
    return { fonts, pages };
  } catch (error) {
    return { error: String(error instanceof Error ? error.message : error), fonts, pages: [] };
  }
}

/** Runs in the page: leaves only page `index` displayed, at the top-left corner. */
async function showOnly(index: number): Promise<void> {
  const divs = [...(document.getElementById('pages')?.children ?? [])] as HTMLElement[];
  divs.forEach((div, i) => {
    div.style.display = i === index ? 'block' : 'none';
  });
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/** Pixels whose largest channel difference exceeds `tolerance`. */
export function rasterDifference(
  a: RgbImage,
  b: RgbImage,
  tolerance = 64,
): { differing: number; total: number; fraction: number } {
  assertSameSize(a, b);
  const total = a.width * a.height;
  let differing = 0;
  for (let p = 0; p < total; p++) if (pixelDiffers(a, b, p, tolerance)) differing++;
  return { differing, total, fraction: differing / total };
}

/** What a pixel shows: paper, red ink (rules, seal, title), or dark ink (text, QR code). */
type Ink = 'paper' | 'red' | 'dark';

function inkAt(image: RgbImage, p: number): Ink {
  const [r, g, b] = [image.pixels[p * 3]!, image.pixels[p * 3 + 1]!, image.pixels[p * 3 + 2]!];
  if (Math.min(r, g, b) >= INK_BELOW) return 'paper';
  return r - Math.max(g, b) > RED_BY ? 'red' : 'dark';
}

/** A channel below this is ink: midway between paper and a stroke's anti-aliased edge. */
const INK_BELOW = 160;
/** Red ink: its red channel this far above the others. */
const RED_BY = 80;

export interface InkComparison {
  /** Ink pixels of the first image. */
  readonly ink: number;
  /** Of them, those with no ink of the same kind in the second image within the radius. */
  readonly unmatched: number;
  /** The square tile with the most unmatched ink: where a missing or moved glyph would show. */
  readonly worstTile: { readonly x: number; readonly y: number; readonly unmatched: number };
}

/**
 * Ink pixels of `a` with no ink of the same kind (red or dark) in `b` within `radius` pixels (a
 * square). Two rasterisers draw the same outline with different anti-aliasing, gamma and hinting
 * (Chromium's strokes come out darker and up to a pixel wider than poppler's, its baselines snap to
 * whole pixels): their ink agrees within a pixel, and what is left is spread thin over the page. A
 * missing, extra, moved or recoloured glyph, rule or seal leaves its ink unmatched in one place:
 * counted per `tile` × `tile` square, it stands out.
 */
export function compareInk(a: RgbImage, b: RgbImage, radius: number, tile: number): InkComparison {
  assertSameSize(a, b);
  const columns = Math.ceil(a.width / tile);
  const perTile = new Uint32Array(columns * Math.ceil(a.height / tile));
  let unmatched = 0;
  let ink = 0;
  for (let y = 0; y < a.height; y++)
    for (let x = 0; x < a.width; x++) {
      const kind = inkAt(a, y * a.width + x);
      if (kind === 'paper') continue;
      ink++;
      let matched = false;
      for (let dy = -radius; dy <= radius && !matched; dy++)
        for (let dx = -radius; dx <= radius && !matched; dx++) {
          const [tx, ty] = [x + dx, y + dy];
          if (tx >= 0 && ty >= 0 && tx < b.width && ty < b.height) matched = inkAt(b, ty * b.width + tx) === kind;
        }
      if (matched) continue;
      unmatched++;
      perTile[Math.floor(y / tile) * columns + Math.floor(x / tile)]!++;
    }
  let worst = 0;
  for (let i = 1; i < perTile.length; i++) if (perTile[i]! > perTile[worst]!) worst = i;
  return {
    ink,
    unmatched,
    worstTile: { x: (worst % columns) * tile, y: Math.floor(worst / columns) * tile, unmatched: perTile[worst]! },
  };
}

/** `a` in pale grey with the pixels that differ from `b` in red, for people to look at. */
export function differenceImage(a: RgbImage, b: RgbImage, tolerance = 64): RgbImage {
  assertSameSize(a, b);
  const pixels = new Uint8Array(a.width * a.height * 3);
  for (let p = 0; p < a.width * a.height; p++) {
    if (pixelDiffers(a, b, p, tolerance)) pixels.set([255, 0, 0], p * 3);
    else
      pixels.fill(
        192 + (Math.min(a.pixels[p * 3]!, a.pixels[p * 3 + 1]!, a.pixels[p * 3 + 2]!) >> 2),
        p * 3,
        p * 3 + 3,
      );
  }
  return { width: a.width, height: a.height, pixels };
}

function assertSameSize(a: RgbImage, b: RgbImage): void {
  if (a.width !== b.width || a.height !== b.height)
    throw new Error(`images differ in size: ${a.width}×${a.height} and ${b.width}×${b.height}`);
}

function pixelDiffers(a: RgbImage, b: RgbImage, p: number, tolerance: number): boolean {
  for (let c = p * 3; c < p * 3 + 3; c++) if (Math.abs(a.pixels[c]! - b.pixels[c]!) > tolerance) return true;
  return false;
}

/** Writes an RGB image as an 8-bit PNG. */
export function writePng(image: RgbImage, path: string): void {
  const { width, height, pixels } = image;
  const raw = new Uint8Array((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    raw.set(pixels.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, colour type 2 (RGB), no interlace
  writeFileSync(
    path,
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

/** Decodes the 8-bit, non-interlaced RGB/RGBA PNGs that Chromium's screenshots are, dropping alpha. */
export function decodePng(png: Uint8Array): RgbImage {
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colourType, , , interlace] = body.subarray(8, 13);
      channels = colourType === 2 ? 3 : colourType === 6 ? 4 : 0;
      if (depth !== 8 || channels === 0 || interlace !== 0)
        throw new Error(`unsupported PNG: depth ${depth}, colour type ${colourType}, interlace ${interlace}`);
    } else if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? rows[out + x - channels]! : 0;
      const up = y > 0 ? rows[out - stride + x]! : 0;
      const upLeft = y > 0 && x >= channels ? rows[out - stride + x - channels]! : 0;
      rows[out + x] = (line[x]! + unfilter(filter, left, up, upLeft)) & 0xff;
    }
  }
  const pixels = new Uint8Array(width * height * 3);
  for (let p = 0; p < width * height; p++) pixels.set(rows.subarray(p * channels, p * channels + 3), p * 3);
  return { width, height, pixels };
}

function unfilter(filter: number, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4: {
      const p = left + up - upLeft;
      const pa = Math.abs(p - left);
      const pb = Math.abs(p - up);
      const pc = Math.abs(p - upLeft);
      return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }
    default:
      throw new Error(`unknown PNG filter ${filter}`);
  }
}

function chunk(type: string, body: Uint8Array): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const out = Buffer.alloc(typed.length + 8);
  out.writeUInt32BE(body.length, 0);
  out.set(typed, 4);
  out.writeUInt32BE(crc32(typed), typed.length + 4);
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

import { mkdirSync, readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { FontRegistry } from '../../functions/core/engine/fonts/FontRegistry.js';
import {
  decodePng,
  differenceImage,
  type OfdRaster,
  rasterDifference,
  rasterizeOfdWithFonts,
  writePng,
} from '../support/ofdRaster.js';
import type { RgbImage } from '../support/poppler.js';

const DPI = 96;
const PX_PER_MM = DPI / 25.4;
const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
const XML = '<?xml version="1.0" encoding="UTF-8"?>';
const TEXT = '嘉奖令';
// A family no system has, so ink in its shapes can only come from the FontFace made from the embedded file.
const EMBEDDED_FAMILY = 'OFD Raster Test Serif';
const MISSING_FAMILY = 'OFD Raster Test Missing';

// Geometry in mm, page coordinates. The red frame's stroke is centred on these edges.
const FRAME = { left: 20, top: 30, right: 120, bottom: 80, width: 0.5 };
const SQUARE = { x: 140, y: 30, size: 20 };
const TEXT_AT = { x: 30, baseline: 108, size: 8, advance: 8 };
const MISSING_AT = { x: 30, baseline: 138 };
// Text (ID 10) under a blue square (ID 11) written before it: ofd.js stacks by ID (z-index), not by element order.
const COVERED = { x: 30, baseline: 168, square: { x: 29, y: 158, size: 12 } };
// Page 2 has its own, landscape A5, PhysicalBox and a green square.
const PAGE_2 = { width: 210, height: 148, square: { x: 10, y: 10, size: 10 } };

function filledSquare(id: number, square: { x: number; y: number; size: number }, colour: string): string {
  const { x, y, size } = square;
  return (
    `<ofd:PathObject ID="${id}" Boundary="${x} ${y} ${size} ${size}" Stroke="false" Fill="true">` +
    `<ofd:FillColor Value="${colour}"/><ofd:AbbreviatedData>M 0 0 L ${size} 0 L ${size} ${size} L 0 ${size} C` +
    '</ofd:AbbreviatedData></ofd:PathObject>'
  );
}

/** A two-page OFD written per the research notes' minimal writer. */
function sampleOfd(): Uint8Array {
  const font = FontRegistry.shared().primary('songti');
  const fontFile = FontRegistry.shared().harfBuzz.subset(
    font.face,
    [...TEXT].map((c) => c.codePointAt(0)!),
  );
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const ofdXml =
    `${XML}<ofd:OFD ${NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>` +
    '<ofd:DocID>0123456789abcdef0123456789abcdef</ofd:DocID><ofd:Title>raster test</ofd:Title>' +
    '<ofd:CreationDate>2025-01-31</ofd:CreationDate></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>' +
    '</ofd:DocBody></ofd:OFD>';
  const documentXml =
    `${XML}<ofd:Document ${NS}><ofd:CommonData><ofd:MaxUnitID>13</ofd:MaxUnitID><ofd:PageArea>` +
    '<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>' +
    '</ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/>' +
    '<ofd:Page ID="2" BaseLoc="Pages/Page_1/Content.xml"/></ofd:Pages></ofd:Document>';
  const publicResXml =
    `${XML}<ofd:Res ${NS} BaseLoc="Res"><ofd:Fonts>` +
    `<ofd:Font ID="3" FontName="NotoSerifSC-Subset" FamilyName="${EMBEDDED_FAMILY}" Charset="unicode">` +
    '<ofd:FontFile>font_3.ttf</ofd:FontFile></ofd:Font>' +
    `<ofd:Font ID="4" FontName="${MISSING_FAMILY}" FamilyName="${MISSING_FAMILY}"/>` +
    '</ofd:Fonts></ofd:Res>';
  const f = FRAME;
  const half = f.width / 2;
  const w = f.right - f.left;
  const h = f.bottom - f.top;
  const text = (id: number, fontId: number, x: number, baseline: number) =>
    `<ofd:TextObject ID="${id}" Boundary="${x} ${baseline - TEXT_AT.size} 30 ${TEXT_AT.size * 1.5}" ` +
    `Font="${fontId}" Size="${TEXT_AT.size}"><ofd:FillColor Value="0 0 0"/>` +
    `<ofd:TextCode X="0" Y="${TEXT_AT.size}" DeltaX="g 2 ${TEXT_AT.advance}">${TEXT}</ofd:TextCode></ofd:TextObject>`;
  const contentXml =
    `${XML}<ofd:Page ${NS}><ofd:Content><ofd:Layer ID="5" Type="Body">` +
    `<ofd:PathObject ID="6" Boundary="${f.left - half} ${f.top - half} ${w + f.width} ${h + f.width}" ` +
    `LineWidth="${f.width}" Stroke="true" Fill="false"><ofd:StrokeColor Value="255 0 0"/><ofd:AbbreviatedData>` +
    `M ${half} ${half} L ${w + half} ${half} L ${w + half} ${h + half} L ${half} ${h + half} C` +
    '</ofd:AbbreviatedData></ofd:PathObject>' +
    `<ofd:PathObject ID="7" Boundary="${SQUARE.x} ${SQUARE.y} ${SQUARE.size} ${SQUARE.size}" Stroke="false" ` +
    `Fill="true"><ofd:FillColor Value="0 0 0"/><ofd:AbbreviatedData>M 0 0 L ${SQUARE.size} 0 ` +
    `L ${SQUARE.size} ${SQUARE.size} L 0 ${SQUARE.size} C</ofd:AbbreviatedData></ofd:PathObject>` +
    text(8, 3, TEXT_AT.x, TEXT_AT.baseline) +
    text(9, 4, MISSING_AT.x, MISSING_AT.baseline) +
    filledSquare(11, COVERED.square, '0 0 255') +
    text(10, 3, COVERED.x, COVERED.baseline) +
    '</ofd:Layer></ofd:Content></ofd:Page>';
  const page2Xml =
    `${XML}<ofd:Page ${NS}><ofd:Area><ofd:PhysicalBox>0 0 ${PAGE_2.width} ${PAGE_2.height}</ofd:PhysicalBox>` +
    `</ofd:Area><ofd:Content><ofd:Layer ID="12" Type="Body">${filledSquare(13, PAGE_2.square, '0 160 0')}` +
    '</ofd:Layer></ofd:Content></ofd:Page>';
  return zipSync(
    {
      'OFD.xml': utf8(ofdXml),
      'Doc_0/Document.xml': utf8(documentXml),
      'Doc_0/PublicRes.xml': utf8(publicResXml),
      'Doc_0/Res/font_3.ttf': fontFile,
      'Doc_0/Pages/Page_0/Content.xml': utf8(contentXml),
      'Doc_0/Pages/Page_1/Content.xml': utf8(page2Xml),
    },
    { level: 6, mtime: new Date(1980, 0, 1) },
  );
}

const px = (mm: number) => mm * PX_PER_MM;
const rgb = (image: RgbImage, x: number, y: number) => [
  ...image.pixels.subarray((y * image.width + x) * 3, (y * image.width + x) * 3 + 3),
];
const isRed = ([r, g, b]: number[]) => r! > 200 && g! < 80 && b! < 80;
const isWhite = ([r, g, b]: number[]) => r! > 245 && g! > 245 && b! > 245;
const isInk = ([r, g, b]: number[]) => Math.max(r!, g!, b!) < 128;

/** Columns (or rows) along one line of the image where `test` holds. */
function hits(image: RgbImage, along: 'row' | 'column', at: number, test: (c: number[]) => boolean): number[] {
  const length = along === 'row' ? image.width : image.height;
  const found: number[] = [];
  for (let i = 0; i < length; i++) if (test(along === 'row' ? rgb(image, i, at) : rgb(image, at, i))) found.push(i);
  return found;
}

/** The centre of each run of consecutive indices, in px (a pixel's centre is at index + 0.5). */
function runCentres(indices: number[]): number[] {
  const centres: number[] = [];
  let start = 0;
  for (let i = 1; i <= indices.length; i++)
    if (i === indices.length || indices[i] !== indices[i - 1]! + 1) {
      centres.push((indices[start]! + indices[i - 1]! + 1) / 2);
      start = i;
    }
  return centres;
}

/** Bounding box of dark pixels inside a rectangle of the image, in px. */
function inkBox(image: RgbImage, x0: number, y0: number, x1: number, y1: number) {
  let box: { left: number; top: number; right: number; bottom: number; count: number } | undefined;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      if (!isInk(rgb(image, x, y))) continue;
      box ??= { left: x, top: y, right: x, bottom: y, count: 0 };
      box.left = Math.min(box.left, x);
      box.right = Math.max(box.right, x);
      box.top = Math.min(box.top, y);
      box.bottom = Math.max(box.bottom, y);
      box.count++;
    }
  return box;
}

/** The ink of a rectangle as a 0/1 mask, so two text runs can be compared shape by shape. */
function inkMask(image: RgbImage, x0: number, y0: number, width: number, height: number): RgbImage {
  const pixels = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      pixels.fill(isInk(rgb(image, x0 + x, y0 + y)) ? 0 : 255, (y * width + x) * 3, (y * width + x + 1) * 3);
  return { width, height, pixels };
}

describe('rasterizeOfd (ofd.js 0.2.6 in Chromium)', () => {
  let raster: OfdRaster;
  let page: RgbImage;

  beforeAll(async () => {
    raster = await rasterizeOfdWithFonts(sampleOfd(), DPI);
    page = raster.pages[0]!;
    mkdirSync('/tmp/ofdraster', { recursive: true });
    writePng(page, '/tmp/ofdraster/sample.png');
  }, 120_000);

  it('gives each page the size pdftoppm gives at 96 dpi: A4, then its own landscape A5', () => {
    expect(raster.pages).toHaveLength(2);
    expect([page.width, page.height]).toEqual([794, 1123]);
    expect(page.pixels.length).toBe(794 * 1123 * 3);
    const second = raster.pages[1]!;
    expect([second.width, second.height]).toEqual([794, 560]);
    const { x, y, size } = PAGE_2.square;
    expect(rgb(second, Math.round(px(x + size / 2)), Math.round(px(y + size / 2)))).toEqual([0, 160, 0]);
    expect(isWhite(rgb(second, Math.round(px(x + size + 1)), Math.round(px(y + size / 2))))).toBe(true);
    expect(isWhite(rgb(second, Math.round(px(x + size / 2)), Math.round(px(y - 1))))).toBe(true);
  });

  it('stacks objects by ID: a path with a higher ID hides a text written after it', () => {
    const { x, y, size } = COVERED.square;
    const inside = inkBox(
      page,
      Math.round(px(x)) + 1,
      Math.round(px(y)) + 1,
      Math.floor(px(x + size)),
      Math.floor(px(y + size)),
    );
    expect(inside).toBeUndefined();
    expect(rgb(page, Math.round(px(x + size / 2)), Math.round(px(y + size / 2)))).toEqual([0, 0, 255]);
    // The rest of the run, right of the square, is drawn.
    const right = inkBox(
      page,
      Math.ceil(px(x + size)) + 1,
      Math.round(px(y)),
      Math.round(px(x + 30)),
      Math.round(px(y + size)),
    );
    expect(right?.count).toBeGreaterThan(200);
  });

  it('registers the embedded font under its FamilyName and FontName, and loads it', () => {
    expect(raster.fonts).toEqual([
      { family: EMBEDDED_FAMILY, file: 'Doc_0/Res/font_3.ttf', status: 'loaded' },
      { family: 'NotoSerifSC-Subset', file: 'Doc_0/Res/font_3.ttf', status: 'loaded' },
    ]);
  });

  it('draws the red frame where its stroke lies, to the pixel', () => {
    const middleRow = Math.round(px((FRAME.top + FRAME.bottom) / 2));
    const middleColumn = Math.round(px((FRAME.left + FRAME.right) / 2));
    // Centres of the red runs across each edge, to ±1 px: 1 mm is 3.8 px, so a 1 mm shift fails.
    const across = runCentres(hits(page, 'row', middleRow, isRed));
    const down = runCentres(hits(page, 'column', middleColumn, isRed));
    expect(across).toHaveLength(2);
    expect(down).toHaveLength(2);
    expect(Math.abs(across[0]! - px(FRAME.left))).toBeLessThanOrEqual(1);
    expect(Math.abs(across[1]! - px(FRAME.right))).toBeLessThanOrEqual(1);
    expect(Math.abs(down[0]! - px(FRAME.top))).toBeLessThanOrEqual(1);
    expect(Math.abs(down[1]! - px(FRAME.bottom))).toBeLessThanOrEqual(1);
    // White 1 mm either side of each edge: outside the frame and inside it.
    for (const x of [FRAME.left - 1, FRAME.left + 1, FRAME.right - 1, FRAME.right + 1])
      expect(isWhite(rgb(page, Math.round(px(x)), middleRow)), `x = ${x} mm`).toBe(true);
    for (const y of [FRAME.top - 1, FRAME.top + 1, FRAME.bottom - 1, FRAME.bottom + 1])
      expect(isWhite(rgb(page, middleColumn, Math.round(px(y)))), `y = ${y} mm`).toBe(true);
  });

  it('fills the black square exactly over its box', () => {
    const box = inkBox(
      page,
      Math.round(px(SQUARE.x - 5)),
      Math.round(px(SQUARE.y - 5)),
      Math.round(px(SQUARE.x + SQUARE.size + 5)),
      Math.round(px(SQUARE.y + SQUARE.size + 5)),
    );
    expect(box).toBeDefined();
    expect(Math.abs(box!.left - px(SQUARE.x))).toBeLessThanOrEqual(1);
    expect(Math.abs(box!.top - px(SQUARE.y))).toBeLessThanOrEqual(1);
    expect(Math.abs(box!.right + 1 - px(SQUARE.x + SQUARE.size))).toBeLessThanOrEqual(1);
    expect(Math.abs(box!.bottom + 1 - px(SQUARE.y + SQUARE.size))).toBeLessThanOrEqual(1);
    expect(rgb(page, Math.round(px(SQUARE.x + SQUARE.size / 2)), Math.round(px(SQUARE.y + SQUARE.size / 2)))).toEqual([
      0, 0, 0,
    ]);
  });

  it('sets the text on its baseline, in the embedded font, one em per character', () => {
    const em = px(TEXT_AT.size);
    const left = px(TEXT_AT.x);
    const baseline = px(TEXT_AT.baseline);
    const box = inkBox(
      page,
      Math.floor(left - em),
      Math.floor(baseline - 2 * em),
      Math.ceil(left + 5 * em),
      Math.ceil(baseline + em),
    );
    expect(box).toBeDefined();
    expect(box!.count).toBeGreaterThan(200);
    // CJK ideographs in Noto Serif SC sit in about [-0.12 em, 0.88 em] around the baseline, inside their advance.
    expect(box!.left).toBeGreaterThanOrEqual(left);
    expect(box!.left).toBeLessThan(left + 0.2 * em);
    expect(box!.right).toBeLessThan(left + 3 * em);
    expect(box!.right).toBeGreaterThan(left + 2.8 * em);
    expect(box!.bottom).toBeGreaterThan(baseline);
    expect(box!.bottom).toBeLessThan(baseline + 0.2 * em);
    expect(box!.top).toBeLessThan(baseline - 0.75 * em);
    expect(box!.top).toBeGreaterThan(baseline - em);
  });

  it('draws other shapes for a FamilyName that has no FontFace', () => {
    const em = Math.round(px(TEXT_AT.size));
    const x = Math.round(px(TEXT_AT.x));
    const embedded = inkMask(page, x, Math.round(px(TEXT_AT.baseline)) - em, 3 * em, Math.round(1.3 * em));
    const missing = inkMask(page, x, Math.round(px(MISSING_AT.baseline)) - em, 3 * em, Math.round(1.3 * em));
    expect(rasterDifference(embedded, missing, 0).differing).toBeGreaterThan(100);
    writePng(differenceImage(embedded, missing, 0), '/tmp/ofdraster/text-difference.png');
  });

  it('decodes what writePng wrote', () => {
    const again = decodePng(readFileSync('/tmp/ofdraster/sample.png'));
    expect(rasterDifference(again, page, 0).differing).toBe(0);
  });
});

describe('rasterizeOfd arguments', () => {
  it('refuses a dpi that ofd.js 0.2.6 would clamp', async () => {
    await expect(rasterizeOfdWithFonts(new Uint8Array(), 300)).rejects.toThrow('25.4–254 dpi, not 300');
  });
});

describe('rasterDifference', () => {
  const image = (width: number, height: number, value: number): RgbImage => ({
    width,
    height,
    pixels: new Uint8Array(width * height * 3).fill(value),
  });

  it('counts pixels whose largest channel difference exceeds the tolerance', () => {
    const a = image(2, 2, 100);
    const b = image(2, 2, 100);
    b.pixels[0] = 165; // 65 > 64
    b.pixels[4] = 164; // 64 is within
    expect(rasterDifference(a, b)).toEqual({ differing: 1, total: 4, fraction: 0.25 });
  });

  it('refuses images of different sizes, naming both', () => {
    expect(() => rasterDifference(image(2, 3, 0), image(3, 2, 0))).toThrow('2×3 and 3×2');
  });
});

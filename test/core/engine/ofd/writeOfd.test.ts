import { beforeAll, describe, expect, it } from 'vitest';
import { OFD_NAMESPACE } from '../../../../functions/core/engine/ofd/writeOfd.js';
import { type OfdGlyph, type OfdTextUnit, readOfd, xmlProblem } from '../../../support/ofdPackage.js';
import { type PdfAndOfd, renderPdfAndOfd } from '../../../support/ofdDocuments.js';
import { pdfText } from '../../../support/poppler.js';
import { execFileSync } from 'node:child_process';
import { toTempFile } from '../../../support/poppler.js';

const MM_PER_POINT = 25.4 / 72;
/** The tolerance between the PDF's and the OFD's glyph positions. */
const TOLERANCE_MM = 0.1;
const compact = (text: string) => text.replace(/\s+/g, '');

interface PdfWord {
  readonly page: number;
  readonly text: string;
  /** mm from the page's top-left corner. */
  readonly xMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** poppler's words with their boxes: xMin is the first glyph's pen position, xMax the last one's advance end. */
function pdfWords(pdf: Uint8Array): PdfWord[] {
  const html = execFileSync('pdftotext', ['-bbox', toTempFile(pdf), '-'], { encoding: 'utf8' });
  const words: PdfWord[] = [];
  let page = -1;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const word = /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (word)
      words.push({
        page,
        text: word[4]!
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"'),
        xMin: Number(word[1]) * MM_PER_POINT,
        xMax: Number(word[2]) * MM_PER_POINT,
        yMax: Number(word[3]) * MM_PER_POINT,
      });
  }
  return words;
}

/** A glyph with what it needs to be compared: its unit's font and size. */
type PlacedGlyph = OfdGlyph & { readonly unit: OfdTextUnit };

describe('OFD beside PDF (GB/T 33190), from the same pages', () => {
  let documents: Record<string, PdfAndOfd>;
  beforeAll(async () => {
    documents = await renderPdfAndOfd();
  }, 120_000);
  const kinds = [
    'certificate',
    'commendation-order',
    'praise-bulletin',
    'telegram',
    'long order',
    'statistics-bulletin',
  ];

  it.each(kinds)('%s: unzips, entry point first, every XML part well-formed and in the OFD namespace', (kind) => {
    const ofd = readOfd(documents[kind]!.ofd);
    expect(ofd.entries[0]).toBe('OFD.xml');
    expect(ofd.entries).toContain('Doc_0/Document.xml');
    expect(ofd.entries).toContain('Doc_0/PublicRes.xml');
    const parts = ofd.entries.filter((entry) => entry.endsWith('.xml'));
    expect(parts.length).toBeGreaterThanOrEqual(4);
    for (const part of parts) {
      expect(xmlProblem(ofd.files[part]!), part).toBeUndefined();
      expect(ofd.root(part).namespaceURI, part).toBe(OFD_NAMESPACE);
    }
  });

  it.each(kinds)("%s: the text units in reading order read as the PDF's extracted text", (kind) => {
    const { pdf, ofd } = documents[kind]!;
    const text = readOfd(ofd)
      .pages.flatMap((page) => page.texts.map((unit) => unit.text))
      .join('');
    // -raw: in the order drawn, as the OFD's units are; the seal's characters are in neither.
    expect(compact(text)).toBe(compact(pdfText(pdf, '-raw')));
    expect(compact(text).length).toBeGreaterThan(20);
  });

  it.each(kinds)('%s: the same pages, of the same size, as the PDF', (kind) => {
    const { pdf, ofd, pages } = documents[kind]!;
    const read = readOfd(ofd);
    expect(read.pages).toHaveLength(pages);
    const info = execFileSync('pdfinfo', [toTempFile(pdf)], { encoding: 'utf8' });
    const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    for (const page of read.pages) {
      expect(page.physicalBox[2]!).toBeCloseTo(Number(width) * MM_PER_POINT, 2);
      expect(page.physicalBox[3]!).toBeCloseTo(Number(height) * MM_PER_POINT, 2);
    }
  });

  it.each(kinds)('%s: every glyph is where the PDF draws it, within 0.1 mm', (kind) => {
    const { pdf, ofd } = documents[kind]!;
    const pages = readOfd(ofd).pages;
    const words = pdfWords(pdf);
    expect(words.length).toBeGreaterThan(3);
    for (const word of words) {
      const glyphs: PlacedGlyph[] = pages[word.page]!.texts.flatMap((unit) =>
        unit.glyphs.map((glyph) => ({ ...glyph, unit })),
      );
      const characters = [...word.text];
      // Where in the page's glyphs the word starts: the same characters, nearest the PDF's position
      // (poppler's box ends at the font's descent below the baseline).
      const descentOf = (glyph: PlacedGlyph) =>
        (-glyph.unit.font.metrics.descent * glyph.unit.size) / glyph.unit.font.metrics.unitsPerEm;
      let best: { start: number; distance: number } | undefined;
      for (let start = 0; start + characters.length <= glyphs.length; start++) {
        if (!characters.every((character, i) => glyphs[start + i]!.character === character)) continue;
        const glyph = glyphs[start]!;
        const distance = Math.hypot(glyph.x - word.xMin, glyph.y + descentOf(glyph) - word.yMax);
        if (!best || distance < best.distance) best = { start, distance };
      }
      expect(best, `"${word.text}" on page ${word.page + 1}`).toBeDefined();
      const firstGlyph = glyphs[best!.start]!;
      const lastGlyph = glyphs[best!.start + characters.length - 1]!;
      const { font, size } = lastGlyph.unit;
      const unitsPerEm = font.metrics.unitsPerEm;
      const codePoint = lastGlyph.character.codePointAt(0)!;
      const lastEnd = lastGlyph.x + (font.advanceWidth(font.glyphId(codePoint)) * size) / unitsPerEm;
      expect(Math.abs(firstGlyph.x - word.xMin), `"${word.text}" starts`).toBeLessThan(TOLERANCE_MM);
      expect(Math.abs(lastEnd - word.xMax), `"${word.text}" ends`).toBeLessThan(TOLERANCE_MM);
      expect(Math.abs(firstGlyph.y + descentOf(firstGlyph) - word.yMax), `"${word.text}" baseline`).toBeLessThan(
        TOLERANCE_MM,
      );
    }
  });

  it.each(kinds)("%s: each text unit's font file holds every character it draws", (kind) => {
    const pages = readOfd(documents[kind]!.ofd).pages;
    const units = pages.flatMap((page) => [...page.texts, ...page.annotationTexts]);
    expect(units.length).toBeGreaterThan(0);
    for (const unit of units)
      for (const character of unit.text)
        expect(unit.font.hasGlyph(character.codePointAt(0)!), `${character} in ${unit.fontName}`).toBe(true);
  });

  it('puts the seal on its page as a Stamp annotation, its characters turned and out of the text', () => {
    for (const kind of ['certificate', 'commendation-order', 'long order']) {
      const pages = readOfd(documents[kind]!.ofd).pages;
      const stamped = pages.flatMap((page, index) => (page.annotationTypes.includes('Stamp') ? [index] : []));
      expect(stamped, kind).toEqual([pages.length - 1]);
      const seal = pages.at(-1)!.annotationTexts;
      expect(seal.length, kind).toBeGreaterThan(3);
      expect(
        seal.every((unit) => unit.turned),
        kind,
      ).toBe(true);
    }
    expect(readOfd(documents['long order']!.ofd).pages.length).toBeGreaterThan(2);
  });

  it("carries the document's metadata and the record's id, kind, version and verification code", () => {
    const ofd = readOfd(documents.certificate!.ofd);
    expect(ofd.docInfo('Title')).toBe('荣誉证书 — 张鹏');
    expect(ofd.docInfo('Author')).toBe('呼伦贝尔市海拉尔区公安分局');
    expect(ofd.docInfo('CreationDate')).toBe('2020-03-02');
    expect(ofd.docInfo('DocID')).toMatch(/^[0-9a-f]{32}$/);
    expect(ofd.customData).toEqual({
      recordId: 'merit-zhang-peng',
      recordKind: 'merit',
      documentKind: 'certificate',
      version: '1',
      verificationCode: 'K7Q2M-XA4TD-9WZ3B-CE6RF',
    });
  });

  it('gives the same bytes for the same record', async () => {
    const again = await renderPdfAndOfd();
    for (const kind of kinds)
      expect(Buffer.from(again[kind]!.ofd).equals(Buffer.from(documents[kind]!.ofd)), kind).toBe(true);
  }, 120_000);
});

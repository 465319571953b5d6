import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type RecordDocument,
  renderRecordDocuments,
} from '../../../../functions/core/documents/renderRecordDocuments.js';
import { DocumentEngine } from '../../../../functions/core/engine/DocumentEngine.js';
import { CffTable } from '../../../../functions/core/engine/fonts/CffTable.js';
import { FontRegistry } from '../../../../functions/core/engine/fonts/FontRegistry.js';
import { HarfBuzzSubsetter } from '../../../../functions/core/engine/fonts/HarfBuzzSubsetter.js';
import { loadFontConfig, parseFontEntry, resolveFontPath } from '../../../../functions/core/engine/fonts/fontConfig.js';
import { OpenTypeFont } from '../../../../functions/core/engine/fonts/OpenTypeFont.js';
import { TemplateRenderer } from '../../../../functions/core/engine/templates/TemplateRenderer.js';
import { FontConfigurationError } from '../../../../functions/core/errors.js';
import { embeddedFontPrograms } from '../../../support/embeddedFonts.js';
import { readOfd } from '../../../support/ofdPackage.js';
import { exampleRecord } from '../../../support/examples.js';
import { type GrayImage, pdfFonts, pdfPageGray, pdfText } from '../../../support/poppler.js';

// OpenType fonts with CFF outlines from Debian, installed by .ci/run (never committed): Noto CJK,
// CID-keyed CFF in collections (face 2 is Simplified Chinese), and FreeSerif, a name-keyed CFF .otf.
const NOTO_CJK = '/usr/share/fonts/opentype/noto';
const SERIF_CJK = `${NOTO_CJK}/NotoSerifCJK-Regular.ttc#2`;
const SERIF_CJK_BOLD = `${NOTO_CJK}/NotoSerifCJK-Bold.ttc#2`;
const SANS_CJK = `${NOTO_CJK}/NotoSansCJK-Regular.ttc#2`;
const FREE_SERIF = '/usr/share/fonts/opentype/freefont/FreeSerif.otf';
const SERIF_SC_TTF = '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf';
const SANS_SC_TTF = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

/** An engine whose roles are set as a deployment sets them, through AWARD_FONTS. */
function engineWith(overrides: Record<string, string[]>, templates?: string): DocumentEngine {
  const config = loadFontConfig({ AWARD_FONTS: JSON.stringify(overrides) });
  return new DocumentEngine(new FontRegistry(config), new TemplateRenderer(templates));
}

/** Every role on Noto CJK: the same designs as the npm Noto Serif/Sans SC defaults, with CFF outlines. */
const cjkCffEngine = () =>
  engineWith({
    songti: [SERIF_CJK],
    fangsong: [SERIF_CJK],
    kaiti: [SERIF_CJK],
    xiaobiaosong: [SERIF_CJK_BOLD],
    heiti: [SANS_CJK],
  });

/** Share of the reference's ink pixels where the two pages differ by more than a faint grey. */
function inkDifference(page: GrayImage, reference: GrayImage): number {
  expect([page.width, page.height]).toEqual([reference.width, reference.height]);
  let ink = 0;
  let differing = 0;
  for (let i = 0; i < reference.pixels.length; i++) {
    if (reference.pixels[i]! < 128) ink++;
    if (Math.abs(page.pixels[i]! - reference.pixels[i]!) > 96) differing++;
  }
  expect(ink, 'the reference page has text').toBeGreaterThan(1000);
  return differing / ink;
}

/** The original glyph outline of each character, from the configured font files (fontkit opens them). */
function originalOutlines(entries: readonly string[]): Map<string, fontkit.Font> {
  const byName = new Map<string, fontkit.Font>();
  for (const entry of entries) {
    const { faceIndex } = parseFontEntry(entry);
    const bytes = readFileSync(resolveFontPath(entry));
    const name = new OpenTypeFont(bytes, entry, faceIndex).postScriptName;
    byName.set(name, fontkit.create(bytes, faceIndex === undefined ? undefined : name));
  }
  return byName;
}

/** Asserts that each extracted character is drawn with its own outline and advance from the original font. */
async function expectOriginalGlyphs(document: Uint8Array, originals: Map<string, fontkit.Font>) {
  const programs = await embeddedFontPrograms(document);
  const characters = new Set(pdfText(document).replace(/\s+/g, ''));
  for (const char of characters) {
    const program = programs.find((p) => p.glyphs.has(char));
    expect(program, `"${char}" has no glyph in any embedded font`).toBeDefined();
    const original = originals.get(program!.baseFont.replace(/^[A-Z]{6}\+/, ''))!;
    const glyph = original.glyphForCodePoint(char.codePointAt(0)!);
    const outline = program!.outline(program!.glyphs.get(char)!);
    expect(outline, `"${char}" U+${char.codePointAt(0)!.toString(16)}`).not.toBe('');
    expect(outline, `"${char}" is drawn with another character's outline`).toBe(glyph.path.toSVG());
    expect(program!.widths.get(char), `width of "${char}"`).toBe(
      Math.round((glyph.advanceWidth * 1000) / original.unitsPerEm),
    );
  }
}

beforeAll(() => {
  for (const entry of [SERIF_CJK, SERIF_CJK_BOLD, SANS_CJK, FREE_SERIF]) {
    const { file } = parseFontEntry(entry);
    if (!existsSync(file)) {
      throw new Error(`${file} is missing: apt-get install fonts-noto-cjk fonts-freefont-otf (as .ci/run does)`);
    }
  }
});

describe('OpenType fonts with CFF outlines', () => {
  it('reads a CFF .otf and a face of a CFF collection as it reads TrueType', () => {
    const freeSerif = new OpenTypeFont(readFileSync(FREE_SERIF), FREE_SERIF);
    expect(freeSerif).toMatchObject({ outlines: 'cff', postScriptName: 'FreeSerif' });
    expect(freeSerif.hasGlyph(0x41)).toBe(true);
    expect(freeSerif.hasGlyph('战'.codePointAt(0)!)).toBe(false);

    const { file, faceIndex } = parseFontEntry(SERIF_CJK);
    const serif = new OpenTypeFont(readFileSync(file), SERIF_CJK, faceIndex);
    expect(serif).toMatchObject({ outlines: 'cff', postScriptName: 'NotoSerifCJKsc-Regular' });
    expect(serif.metrics.unitsPerEm).toBe(1000);
    expect(serif.advanceWidth(serif.glyphId('战'.codePointAt(0)!))).toBe(1000);
    // Face 0 of the same file is the Japanese one: another PostScript name, the same CFF glyphs.
    expect(new OpenTypeFont(readFileSync(file), file, 0).postScriptName).toBe('NotoSerifCJKjp-Regular');
  });

  it('asks which face of a collection to use, naming them, and refuses one it does not have', () => {
    const { file } = parseFontEntry(SERIF_CJK);
    const bytes = readFileSync(file);
    expect(() => new OpenTypeFont(bytes, file)).toThrow(FontConfigurationError);
    expect(() => new OpenTypeFont(bytes, file)).toThrow(
      new RegExp(
        'a collection of 5 faces \\(0 NotoSerifCJKjp-Regular, 1 NotoSerifCJKkr-Regular, ' +
          '2 NotoSerifCJKsc-Regular,.*\\): name one as "file#index"',
      ),
    );
    expect(() => new OpenTypeFont(bytes, file, 7)).toThrow(/it has no face 7/);
    expect(() => new OpenTypeFont(readFileSync(FREE_SERIF), FREE_SERIF, 1)).toThrow(/not a collection/);
  });

  describe('a document whose roles all use Noto CJK (CID-keyed CFF, faces of collections)', () => {
    let cff: RecordDocument[];
    let trueType: RecordDocument[];
    // A certificate (宋体 body, 小标宋 title) and a telegram (仿宋 body, 小标宋 title).
    const examples = ['merit-zhang-peng', 'telegram-sympathy-sun-dejian'];
    const expectedText = ['张鹏同志', '孙德健同志'];
    beforeAll(async () => {
      const engine = cjkCffEngine();
      cff = await Promise.all(
        examples.map(async (name) => (await renderRecordDocuments(exampleRecord(name), engine))[0]!),
      );
      trueType = await Promise.all(
        examples.map(async (name) => (await renderRecordDocuments(exampleRecord(name)))[0]!),
      );
    });

    it('embeds each font as a CID Type 0C subset with a Unicode map', () => {
      for (const [i, document] of cff.entries()) {
        const fonts = pdfFonts(document.bytes);
        expect(fonts.length, examples[i]).toBeGreaterThanOrEqual(2);
        for (const font of fonts) {
          expect(font, examples[i]).toMatchObject({ type: 'CID Type 0C', embedded: true, subset: true, unicode: true });
          expect(font.name).toMatch(/^[A-Z]{6}\+NotoSerifCJKsc-(Regular|Bold)$/);
        }
      }
    });

    it('reads back the same text as the TrueType defaults', () => {
      for (const [i, document] of cff.entries()) {
        const text = pdfText(document.bytes, '-layout');
        expect(text, examples[i]).toBe(pdfText(trueType[i]!.bytes, '-layout'));
        expect(text.replace(/\s+/g, '')).toContain(expectedText[i]);
      }
    });

    it('draws each character with its own glyph and width from the CFF font', async () => {
      const originals = originalOutlines([SERIF_CJK, SERIF_CJK_BOLD]);
      for (const document of cff) await expectOriginalGlyphs(document.bytes, originals);
    });

    it('writes the OFD beside it with the CFF subsets as OpenType files holding every character', async () => {
      const engine = cjkCffEngine();
      for (const [i, name] of examples.entries()) {
        const [document] = await renderRecordDocuments(exampleRecord(name), engine, undefined, undefined, {
          ofd: true,
        });
        const ofd = readOfd(document!.ofd!.bytes);
        const fontFiles = ofd.entries.filter((entry) => entry.startsWith('Doc_0/Res/font_'));
        expect(fontFiles.length, name).toBeGreaterThanOrEqual(2);
        for (const entry of fontFiles) {
          expect(entry, name).toMatch(/\.otf$/);
          const font = new OpenTypeFont(ofd.files[entry]!, entry);
          expect(font.outlines, entry).toBe('cff');
          expect(font.postScriptName).toMatch(/^NotoSerifCJKsc-(Regular|Bold)$/);
        }
        const units = ofd.pages.flatMap((page) => [...page.texts, ...page.annotationTexts]);
        for (const unit of units)
          for (const character of unit.text)
            expect(unit.font.hasGlyph(character.codePointAt(0)!), character).toBe(true);
        const text = units
          .filter((unit) => !unit.turned)
          .map((unit) => unit.text)
          .join('');
        expect(text.replace(/\s+/g, '')).toBe(pdfText(cff[i]!.bytes, '-raw').replace(/\s+/g, ''));
      }
    });

    it('rasterises like the TrueType defaults of the same design (poppler draws the CFF glyphs)', async () => {
      for (const [i, document] of cff.entries()) {
        const difference = inkDifference(pdfPageGray(document.bytes), pdfPageGray(trueType[i]!.bytes));
        expect(difference, examples[i]).toBeLessThan(0.01);
      }
      // The measure tells typefaces apart: the certificate in Noto Sans differs on a tenth of its ink or more.
      const sans = engineWith({ songti: [SANS_SC_TTF], xiaobiaosong: [SANS_SC_TTF] });
      const [inSans] = await renderRecordDocuments(exampleRecord(examples[0]!), sans);
      expect(inkDifference(pdfPageGray(inSans!.bytes), pdfPageGray(trueType[0]!.bytes))).toBeGreaterThan(0.1);
    });
  });

  it('keeps each glyph’s CID through hb-subset, as the CFF charset gives it', () => {
    const { file, faceIndex } = parseFontEntry(SERIF_CJK);
    const original = new OpenTypeFont(readFileSync(file), SERIF_CJK, faceIndex);
    const originalCff = new CffTable(original.tableBytes('CFF ')!, SERIF_CJK);
    expect(originalCff.systemInfo).toEqual({ registry: 'Adobe', ordering: 'Identity', supplement: 0 });
    const subsetter = HarfBuzzSubsetter.shared();
    const face = subsetter.loadFace(readFileSync(file), SERIF_CJK, faceIndex);
    // hb-subset writes Han scattered over the CID range as a list (charset format 0), and runs of
    // consecutive CIDs such as Latin letters as ranges (format 1); the original holds one range (format 2).
    for (const text of ['战时记功荣誉证书', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789']) {
      const codePoints = [...text].map((char) => char.codePointAt(0)!);
      const subset = new OpenTypeFont(subsetter.subset(face, codePoints), 'subset');
      const subsetCff = new CffTable(subset.tableBytes('CFF ')!, 'subset');
      expect(subsetCff.cidKeyed).toBe(true);
      expect(subsetCff.glyphCount).toBe(codePoints.length + 1);
      for (const codePoint of codePoints) {
        expect(subset.glyphId(codePoint)).not.toBe(original.glyphId(codePoint));
        expect(subsetCff.cidOf(subset.glyphId(codePoint))).toBe(originalCff.cidOf(original.glyphId(codePoint)));
      }
    }
    expect(
      new CffTable(new OpenTypeFont(readFileSync(FREE_SERIF), FREE_SERIF).tableBytes('CFF ')!, FREE_SERIF),
    ).toMatchObject({
      cidKeyed: false,
      systemInfo: undefined,
    });
  });

  it('keeps characters that share a CFF glyph apart in the text layer', async () => {
    const { file, faceIndex } = parseFontEntry(SERIF_CJK);
    const serif = new OpenTypeFont(readFileSync(file), SERIF_CJK, faceIndex);
    expect(serif.glyphId(0x2011)).toBe(serif.glyphId(0x2d));
    expect(serif.glyphId(0x22ef)).toBe(serif.glyphId(0x2026));
    const engine = engineWith({ songti: [SERIF_CJK] }, join('test', 'fixtures', 'templates'));
    const { bytes } = await engine.render('plain', { text: 'A\u2011B-C…⋯战', leadingBreaks: false });
    expect(pdfText(bytes).trim()).toBe('A\u2011B-C…⋯战');
  });

  it('embeds a name-keyed CFF font, whose CIDs are its glyph ids, beside a TrueType fallback', async () => {
    const engine = engineWith({ songti: [FREE_SERIF, SERIF_SC_TTF] }, join('test', 'fixtures', 'templates'));
    const text = 'Award No. 12, Ærø & Œuvre — 战时记功';
    const { bytes } = await engine.render('plain', { text, leadingBreaks: false });
    expect(pdfText(bytes).trim()).toBe(text);
    const fonts = pdfFonts(bytes);
    expect(fonts.map(({ name, type }) => [name.replace(/^[A-Z]{6}\+/, ''), type]).sort()).toEqual([
      ['FreeSerif', 'CID Type 0C'],
      ['NotoSerifSC-Regular', 'CID TrueType'],
    ]);
    for (const font of fonts) expect(font).toMatchObject({ embedded: true, subset: true, unicode: true });
    await expectOriginalGlyphs(bytes, originalOutlines([FREE_SERIF, SERIF_SC_TTF]));
  });
});

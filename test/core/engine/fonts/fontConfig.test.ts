import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FONT_CONFIG,
  loadFontConfig,
  parseFontEntry,
  resolveFontPath,
  withFontFile,
} from '../../../../functions/core/engine/fonts/fontConfig.js';
import {
  HarfBuzzSubsetter,
  PREPROCESS_AFTER_SUBSETS,
} from '../../../../functions/core/engine/fonts/HarfBuzzSubsetter.js';
import { FontRegistry } from '../../../../functions/core/engine/fonts/FontRegistry.js';
import { OpenTypeFont } from '../../../../functions/core/engine/fonts/OpenTypeFont.js';
import { FontConfigurationError } from '../../../../functions/core/errors.js';

const METRIC_TABLES = ['cmap', 'head', 'hhea', 'hmtx', 'maxp'];

/** A font file's table directory naming the given tables, all empty: enough to test what is refused. */
function sfnt(version: number, tags: readonly string[]): Uint8Array {
  const bytes = Buffer.alloc(12 + 16 * tags.length);
  bytes.writeUInt32BE(version, 0);
  bytes.writeUInt16BE(tags.length, 4);
  tags.forEach((tag, i) => {
    bytes.write(tag.padEnd(4), 12 + 16 * i, 'latin1');
  });
  return bytes;
}

const sansBold = resolveFontPath('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');

describe('font configuration', () => {
  it('uses the npm fonts by default', () => {
    expect(loadFontConfig({})).toBe(DEFAULT_FONT_CONFIG);
    expect(DEFAULT_FONT_CONFIG.fangsong[0]).toContain('noto-serif-sc');
  });

  it('lets a deployment point a role at its own files, from JSON or a JSON file', () => {
    const config = loadFontConfig({ AWARD_FONTS: JSON.stringify({ fangsong: [sansBold] }) });
    expect(config.fangsong).toEqual([sansBold]);
    expect(config.songti).toBe(DEFAULT_FONT_CONFIG.songti);
    const file = join(mkdtempSync(join(tmpdir(), 'fonts-')), 'fonts.json');
    writeFileSync(file, JSON.stringify({ heiti: [sansBold] }));
    expect(loadFontConfig({ AWARD_FONTS_FILE: file }).heiti).toEqual([sansBold]);
    const registry = new FontRegistry(config);
    expect(registry.fontFor('fangsong', '战'.codePointAt(0)!)?.opentype.postScriptName).toBe('NotoSansSC-Bold');
  });

  it('rejects a configuration it cannot use, saying what is wrong', () => {
    expect(() => loadFontConfig({ AWARD_FONTS: '{' })).toThrow(/not valid JSON/);
    expect(() => loadFontConfig({ AWARD_FONTS: '{"lishu": ["a.ttf"]}' })).toThrow('unknown role "lishu"');
    expect(() => loadFontConfig({ AWARD_FONTS: '{"fangsong": []}' })).toThrow('"fangsong" must be a non-empty list');
    expect(() => resolveFontPath('no-such-package/font.ttf')).toThrow(FontConfigurationError);
    const registry = new FontRegistry({ ...DEFAULT_FONT_CONFIG, fangsong: ['/nonexistent/fs.ttf'] });
    expect(() => registry.fontFor('fangsong', 0x6218)).toThrow(/cannot read font file \/nonexistent\/fs\.ttf/);
  });

  it('names a face of a collection after "#", and keeps it when the file moves', () => {
    expect(parseFontEntry('/opt/fonts/NotoSerifCJK-Regular.ttc#2')).toEqual({
      file: '/opt/fonts/NotoSerifCJK-Regular.ttc',
      faceIndex: 2,
    });
    expect(parseFontEntry('/opt/fonts/#1 FangSong.ttf')).toEqual({
      file: '/opt/fonts/#1 FangSong.ttf',
      faceIndex: undefined,
    });
    expect(resolveFontPath('/opt/fonts/NotoSerifCJK-Regular.ttc#2')).toBe('/opt/fonts/NotoSerifCJK-Regular.ttc');
    expect(withFontFile('/opt/fonts/a.ttc#2', '/var/task/fonts/a.ttc')).toBe('/var/task/fonts/a.ttc#2');
    expect(withFontFile('/opt/fonts/a.otf', '/var/task/fonts/a.otf')).toBe('/var/task/fonts/a.otf');
  });

  it('refuses files that are not static TrueType or CFF OpenType fonts, saying what is supported', () => {
    const supported = /configure a static OpenType font with TrueType \(glyf\) or CFF outlines/;
    expect(() => new OpenTypeFont(sfnt(0x774f4632, []), 'x.woff2')).toThrow(/x\.woff2: a WOFF web font/);
    expect(() => new OpenTypeFont(sfnt(0x774f4632, []), 'x.woff2')).toThrow(supported);
    const variable = () => new OpenTypeFont(sfnt(0x4f54544f, [...METRIC_TABLES, 'CFF2']), '/opt/fonts/Variable.otf');
    expect(variable).toThrow(FontConfigurationError);
    expect(variable).toThrow(/\/opt\/fonts\/Variable\.otf: CFF2 outlines \(a variable font\) cannot be embedded/);
    expect(variable).toThrow(supported);
    expect(() => new OpenTypeFont(sfnt(0x00010000, METRIC_TABLES), 'bitmap.ttf')).toThrow(/no glyf or CFF outlines/);
    expect(() => new OpenTypeFont(sfnt(0x00010000, ['glyf', 'loca']), 'bare.ttf')).toThrow(/no "cmap" table/);
    expect(() => new OpenTypeFont(new Uint8Array(4), 'tiny.ttf')).toThrow(/too short/);
  });
});

describe('HarfBuzzSubsetter', () => {
  it('loads fonts into another module instance when one heap is full, and subsets from each', () => {
    const subsetter = HarfBuzzSubsetter.shared();
    const bytes = readFileSync(resolveFontPath(DEFAULT_FONT_CONFIG.songti[0]!));
    const before = subsetter.instanceCount;
    // Five copies of a 15 MB font do not fit in one 65 MB heap.
    const faces = Array.from({ length: 5 }, (_, i) => subsetter.loadFace(bytes, `copy ${i}`));
    expect(subsetter.instanceCount).toBeGreaterThan(before);
    expect(new Set(faces.map((face) => face.instance)).size).toBeGreaterThan(1);
    for (const face of faces) {
      const subset = new OpenTypeFont(subsetter.subset(face, [0x6218]), face.source);
      expect(subset.hasGlyph(0x6218)).toBe(true);
    }
  });

  it('preprocesses a face in steady use, and subsets it to the same bytes as before', () => {
    const subsetter = HarfBuzzSubsetter.shared();
    const bytes = readFileSync(resolveFontPath(DEFAULT_FONT_CONFIG.xiaobiaosong[0]!));
    const face = subsetter.loadFace(bytes, 'steady use');
    const text = [...'内蒙古自治区公安厅荣誉证书，记个人三等功。0123'].map((c) => c.codePointAt(0)!);
    const first = subsetter.subset(face, text);
    for (let i = 2; i < PREPROCESS_AFTER_SUBSETS; i++) subsetter.subset(face, text);
    expect(subsetter.isPreprocessed(face)).toBe(false);
    const preprocessedSubsets = [subsetter.subset(face, text), subsetter.subset(face, text)];
    expect(subsetter.isPreprocessed(face)).toBe(true);
    for (const subset of preprocessedSubsets) expect(Buffer.from(subset).equals(Buffer.from(first))).toBe(true);
    // Other characters than those it was preprocessed with come out as a fresh face would give them.
    const other = [...'战时表彰'].map((c) => c.codePointAt(0)!);
    const fresh = subsetter.loadFace(bytes, 'fresh copy');
    expect(Buffer.from(subsetter.subset(face, other)).equals(Buffer.from(subsetter.subset(fresh, other)))).toBe(true);
  });

  it('refuses a font larger than its heap, naming the file', () => {
    expect(() => HarfBuzzSubsetter.shared().loadFace(new Uint8Array(70 << 20), '/opt/fonts/huge.ttc')).toThrow(
      /\/opt\/fonts\/huge\.ttc: 70 MB is more than HarfBuzz's \d+ MB heap/,
    );
  });
});

describe('OpenTypeFont', () => {
  it('finds glyphs in and beyond the Basic Multilingual Plane, and none for missing characters', () => {
    const registry = FontRegistry.shared();
    const serif = registry.primary('songti').opentype;
    expect(serif.outlines).toBe('truetype');
    expect(serif.hasGlyph('战'.codePointAt(0)!)).toBe(true);
    expect(serif.hasGlyph(0x2139a)).toBe(true);
    expect(serif.hasGlyph(0x2020c)).toBe(false);
    expect(serif.advanceWidth(serif.glyphId('战'.codePointAt(0)!))).toBe(serif.metrics.unitsPerEm);
    expect(serif.postScriptName).toBe('NotoSerifSC-Regular');
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FONT_CONFIG,
  loadFontConfig,
  resolveFontPath,
} from '../../../../functions/core/engine/fonts/fontConfig.js';
import { FontRegistry } from '../../../../functions/core/engine/fonts/FontRegistry.js';
import { TrueTypeFont } from '../../../../functions/core/engine/fonts/TrueTypeFont.js';
import { FontConfigurationError } from '../../../../functions/core/errors.js';

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
    expect(registry.fontFor('fangsong', '战'.codePointAt(0)!)?.ttf.postScriptName).toBe('NotoSansSC-Bold');
  });

  it('rejects a configuration it cannot use, saying what is wrong', () => {
    expect(() => loadFontConfig({ AWARD_FONTS: '{' })).toThrow(/not valid JSON/);
    expect(() => loadFontConfig({ AWARD_FONTS: '{"lishu": ["a.ttf"]}' })).toThrow('unknown role "lishu"');
    expect(() => loadFontConfig({ AWARD_FONTS: '{"fangsong": []}' })).toThrow('"fangsong" must be a non-empty list');
    expect(() => resolveFontPath('no-such-package/font.ttf')).toThrow(FontConfigurationError);
    const registry = new FontRegistry({ ...DEFAULT_FONT_CONFIG, fangsong: ['/nonexistent/fs.ttf'] });
    expect(() => registry.fontFor('fangsong', 0x6218)).toThrow(/cannot read font file \/nonexistent\/fs\.ttf/);
  });

  it('refuses files that are not TrueType-outline fonts', () => {
    expect(() => new TrueTypeFont(new Uint8Array([0x77, 0x4f, 0x46, 0x32, 0, 0, 0, 0, 0, 0, 0, 0]), 'x.woff2')).toThrow(
      /not a TrueType font/,
    );
    expect(() => new TrueTypeFont(new Uint8Array(4), 'tiny.ttf')).toThrow(/too short/);
  });
});

describe('TrueTypeFont', () => {
  it('finds glyphs in and beyond the Basic Multilingual Plane, and none for missing characters', () => {
    const registry = FontRegistry.shared();
    const serif = registry.primary('songti').ttf;
    expect(serif.hasGlyph('战'.codePointAt(0)!)).toBe(true);
    expect(serif.hasGlyph(0x2139a)).toBe(true);
    expect(serif.hasGlyph(0x2020c)).toBe(false);
    expect(serif.advanceWidth(serif.glyphId('战'.codePointAt(0)!))).toBe(serif.metrics.unitsPerEm);
    expect(serif.postScriptName).toBe('NotoSerifSC-Regular');
  });
});

import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { PDFContext, PDFName, PDFRef } from 'pdf-lib';
import type { FontSubset } from '../fonts/documentSubsets.js';
import type { LoadedFont } from '../fonts/FontRegistry.js';
import { OpenTypeFont } from '../fonts/OpenTypeFont.js';
import { embedCffDescendant } from './cffDescendant.js';
import { toUnicodeCMap } from './cmapPrograms.js';
import { embedTrueTypeDescendant } from './trueTypeDescendant.js';

/** A font embedded in one document: content streams address its glyphs through `encode`. */
export interface EmbeddedFont {
  readonly ref: PDFRef;
  /** Character code (2 bytes) as 4 hex digits. */
  encode(codePoint: number): string;
  /** Advance the PDF viewer applies for the glyph, in thousandths of the font size. */
  width(codePoint: number): number;
}

/** One character of a subset: its code in content streams, its glyph in the subset program, its width. */
export interface SubsetCharacter {
  readonly codePoint: number;
  readonly code: number;
  readonly glyph: number;
  readonly width: number;
}

/** What both kinds of descendant CIDFont are made from. */
export interface DescendantFontInput {
  readonly baseFont: string;
  /** The font descriptor's entries, but for the font program's. */
  readonly descriptor: Record<string, unknown>;
  /** The subset as hb-subset wrote it (an OpenType font). */
  readonly subset: OpenTypeFont;
  readonly characters: readonly SubsetCharacter[];
}

/** A descendant CIDFont, and the Type 0 encoding that maps character codes to its CIDs. */
export interface DescendantFont {
  readonly ref: PDFRef;
  readonly encoding: PDFName | PDFRef;
}

/**
 * Embeds a HarfBuzz subset of a font as a Type 0 font with a ToUnicode map, so only the document's
 * glyphs travel with it and its text stays extractable. TrueType outlines go in a CIDFontType2,
 * CFF outlines in a CIDFontType0 (the bare CFF program, which PDF/A-1 allows where an OpenType
 * FontFile3 is not). Each character gets a code of its own (its rank), so characters that share a
 * glyph (- and U+2011, space and no-break space) still extract as themselves.
 */
export function embedFontSubset(context: PDFContext, font: LoadedFont, fontSubset: FontSubset): EmbeddedFont {
  const sorted = fontSubset.codePoints;
  const subset = new OpenTypeFont(fontSubset.program, `${font.key} (subset)`);
  const { opentype } = font;
  const { metrics } = opentype;
  const scale = 1000 / metrics.unitsPerEm;
  const characters = sorted.map((codePoint, index) => ({
    codePoint,
    code: index + 1,
    glyph: subset.glyphId(codePoint),
    width: Math.round(opentype.advanceWidth(opentype.glyphId(codePoint)) * scale),
  }));

  // The subset tag is derived from the glyph set, so the same text gives the same name.
  const digest = createHash('sha256').update(opentype.postScriptName).update(sorted.join(',')).digest();
  const tag = Array.from(digest.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
  const baseFont = `${tag}+${opentype.postScriptName}`;
  const input: DescendantFontInput = {
    baseFont,
    subset,
    characters,
    descriptor: {
      Type: 'FontDescriptor',
      FontName: baseFont,
      Flags: 4,
      FontBBox: metrics.bbox.map((v) => Math.round(v * scale)),
      ItalicAngle: metrics.italicAngle,
      Ascent: Math.round(metrics.ascent * scale),
      Descent: Math.round(metrics.descent * scale),
      CapHeight: Math.round(metrics.capHeight * scale),
      StemV: Math.round(50 + (metrics.weightClass / 65) ** 2),
    },
  };
  const descendant =
    opentype.outlines === 'truetype' ? embedTrueTypeDescendant(context, input) : embedCffDescendant(context, input);

  const cmap = Buffer.from(toUnicodeCMap(characters));
  const toUnicode = context.register(context.stream(deflateSync(cmap), { Filter: 'FlateDecode' }));
  const ref = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: baseFont,
      Encoding: descendant.encoding,
      DescendantFonts: [descendant.ref],
      ToUnicode: toUnicode,
    }),
  );
  const byCodePoint = new Map(characters.map((character) => [character.codePoint, character]));
  return {
    ref,
    encode: (codePoint) => byCodePoint.get(codePoint)!.code.toString(16).toUpperCase().padStart(4, '0'),
    width: (codePoint) => byCodePoint.get(codePoint)!.width,
  };
}

import { usedCharacters } from '../typeset/usedCharacters.js';
import type { TypesetPage } from '../typeset/PageModel.js';
import type { FontRegistry, LoadedFont } from './FontRegistry.js';

/** One font's subset for one document: the characters it draws, in code point order, and the font program. */
export interface FontSubset {
  readonly codePoints: readonly number[];
  /** The HarfBuzz subset: a font file of the same outline format, cmap kept. */
  readonly program: Uint8Array;
}

/**
 * Each font's subset for a document's pages, in the order the fonts are first drawn. Made once per
 * document and embedded by both writers, the PDF's and the OFD's: the same glyphs in both.
 */
export function documentSubsets(pages: readonly TypesetPage[], fonts: FontRegistry): Map<LoadedFont, FontSubset> {
  const subsets = new Map<LoadedFont, FontSubset>();
  for (const [font, used] of usedCharacters(pages)) {
    const codePoints = [...used].sort((a, b) => a - b);
    subsets.set(font, { codePoints, program: fonts.harfBuzz.subset(font.face, codePoints) });
  }
  return subsets;
}

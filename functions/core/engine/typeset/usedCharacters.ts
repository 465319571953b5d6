import type { LoadedFont } from '../fonts/FontRegistry.js';
import type { TypesetPage } from './PageModel.js';

/** Each font's characters over every page: what a document's subset of that font must hold. */
export function usedCharacters(pages: readonly TypesetPage[]): Map<LoadedFont, Set<number>> {
  const used = new Map<LoadedFont, Set<number>>();
  const add = (font: LoadedFont, codePoint: number) => {
    let set = used.get(font);
    if (!set) {
      set = new Set();
      used.set(font, set);
    }
    set.add(codePoint);
  };
  for (const page of pages) {
    for (const op of page.ops) {
      if (op.type === 'text') for (const glyph of op.glyphs) add(op.font, glyph.codePoint);
      else if (op.type === 'rotated-glyph') add(op.font, op.codePoint);
    }
  }
  return used;
}

import type { Align } from '../layout/LayoutModel.js';
import { type BrokenLine, naturalWidth } from './breakLines.js';
import { isWordChar } from './cjkRules.js';
import type { PlacedGlyph, TextRun } from './PageModel.js';

/** Justification may widen the gap before this glyph: not inside a Latin word. */
function stretchable(glyphs: BrokenLine['glyphs'], index: number): boolean {
  return index > 0 && !(isWordChar(glyphs[index - 1]!.char) && isWordChar(glyphs[index]!.char));
}

/**
 * Stage "justify and place": positions a broken line's glyphs. A justified line spreads its
 * slack over the gaps between characters (never inside a Latin word); the last line of a
 * paragraph keeps its natural spacing. Squeezed punctuation moves or loses its blank half.
 */
export function placeLine(line: BrokenLine, left: number, width: number, align: Align, baseline: number): TextRun[] {
  const { glyphs } = line;
  const squeezeLeft = new Map(line.compressions.filter((c) => c.side === 'left').map((c) => [c.glyph, c.amount]));
  const squeezeRight = new Map(line.compressions.filter((c) => c.side === 'right').map((c) => [c.glyph, c.amount]));
  const squeezed = line.compressions.reduce((sum, c) => sum + c.amount, 0);
  const slack = width - (naturalWidth(glyphs) - squeezed);
  const gaps = glyphs.filter((_, index) => stretchable(glyphs, index)).length;
  const justify = align === 'justify' && !line.isLast && slack > 0 && gaps > 0;
  const extra = justify ? slack / gaps : 0;
  let x = left + (align === 'center' ? slack / 2 : align === 'right' ? slack : 0);

  const runs: TextRun[] = [];
  let current: { run: TextRun; glyphs: PlacedGlyph[] } | undefined;
  glyphs.forEach((glyph, index) => {
    if (index > 0) x += glyph.gapBefore + (stretchable(glyphs, index) ? extra : 0);
    const drawAt = x - (squeezeLeft.get(glyph) ?? 0);
    x = drawAt + glyph.advance - (squeezeRight.get(glyph) ?? 0);
    const same =
      current &&
      current.run.font === glyph.font &&
      current.run.size === glyph.size &&
      current.run.color === glyph.color;
    if (!same) {
      const placed: PlacedGlyph[] = [];
      current = {
        run: { type: 'text', font: glyph.font, size: glyph.size, color: glyph.color, baseline, glyphs: placed },
        glyphs: placed,
      };
      runs.push(current.run);
    }
    current!.glyphs.push({ codePoint: glyph.codePoint, x: drawAt + (glyph.inset ?? 0) });
  });
  return runs;
}

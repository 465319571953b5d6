import type { FontRegistry } from '../fonts/FontRegistry.js';
import type { Align, TextStyle } from '../layout/LayoutModel.js';
import { naturalWidth } from './breakLines.js';
import type { DrawOp } from './PageModel.js';
import { placeLine } from './placeLine.js';
import { shapeText } from './shapeText.js';

/** One line of text in a single style, aligned in [left, left + width]: labels, numbers, dates. */
export function textLine(
  text: string,
  style: TextStyle,
  left: number,
  width: number,
  align: Align,
  baseline: number,
  fonts: FontRegistry,
): DrawOp[] {
  const glyphs = shapeText([{ text, style, line: 0 }], fonts).flatMap((unit) => unit.glyphs);
  return placeLine({ glyphs, compressions: [], isLast: true }, left, width, align, baseline);
}

export function textWidth(text: string, style: TextStyle, fonts: FontRegistry): number {
  return naturalWidth(shapeText([{ text, style, line: 0 }], fonts).flatMap((unit) => unit.glyphs));
}

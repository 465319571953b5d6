import type { FontRegistry } from '../fonts/FontRegistry.js';
import type { Align, PlacedLine, TextStyle } from '../layout/LayoutModel.js';
import { baselineIn } from './Box.js';
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

/** A placed line on a page of the given height: its line box's top or bottom where the section says. */
export function placeTextLine(line: PlacedLine, pageHeight: number, fonts: FontRegistry): DrawOp[] {
  const { style } = line;
  const top = 'top' in line.from ? line.from.top : pageHeight - line.from.bottom - style.leading;
  return textLine(line.text, style, line.left, line.width, line.align, top + baselineIn(style.leading, style), fonts);
}

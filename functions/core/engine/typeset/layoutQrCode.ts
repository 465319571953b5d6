import type { FontRegistry } from '../fonts/FontRegistry.js';
import type { PlacedQr, QrBlock, QrCodeSpec } from '../layout/LayoutModel.js';
import { type BodyArea, type Box, baselineIn, blank, box, type LayoutContext } from './Box.js';
import { type DrawOp, shiftOp } from './PageModel.js';
import { QUIET_ZONE_MODULES, qrModules } from './qrModules.js';
import { textLine } from './textLine.js';

const BLACK = [0, 0, 0] as const;

/**
 * A code with its symbol's top-left corner at (left, top): black modules, one rectangle per run of
 * a row, all filled as one path; the caption below the quiet zone, which nothing may print in.
 *
 * @returns the operations, and the height from the symbol's top to the caption's bottom
 */
export function drawQrCode(
  code: QrCodeSpec,
  left: number,
  top: number,
  fonts: FontRegistry,
): { ops: DrawOp[]; height: number } {
  const { count, runs } = qrModules(code.value);
  const module = code.size / count;
  const ops: DrawOp[] = [
    {
      type: 'rects',
      fill: BLACK,
      rects: runs.map((run) => ({
        x: left + run.column * module,
        y: top + run.row * module,
        width: run.length * module,
        height: module,
      })),
    },
  ];
  let height = code.size;
  if (code.caption) {
    const { text, style } = code.caption;
    const lineTop = top + code.size + QUIET_ZONE_MODULES * module;
    ops.push(...textLine(text, style, left, code.size, code.align, lineTop + baselineIn(style.leading, style), fonts));
    height = lineTop + style.leading - top;
  }
  return { ops, height };
}

/** A code in the flow: placed as the block's align says, taking its room (or its own height). */
export function layoutQrBlock(block: QrBlock, area: BodyArea, { fonts }: LayoutContext): Box[] {
  const slack = area.width - block.size;
  const left = area.left + (block.align === 'center' ? slack / 2 : block.align === 'right' ? slack : 0);
  const { ops, height } = drawQrCode(block, left, 0, fonts);
  return [...blank(block.spaceBefore), box(block.height ?? height, ops), ...blank(block.spaceAfter)];
}

/** A code off the flow, at its place on a page of the given height. */
export function placeQrCode(code: PlacedQr, pageHeight: number, fonts: FontRegistry): DrawOp[] {
  const { ops, height } = drawQrCode(code, code.left, 0, fonts);
  // Measured from the bottom, the caption's bottom sits there: its height is known once it is laid out.
  const top = 'top' in code.from ? code.from.top : pageHeight - code.from.bottom - height;
  return ops.map((op) => shiftOp(op, top));
}

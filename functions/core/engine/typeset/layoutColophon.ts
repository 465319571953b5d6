import type { ColophonBlock } from '../layout/LayoutModel.js';
import { type BodyArea, type Box, baselineIn, box, type LayoutContext } from './Box.js';
import { breakLines, naturalWidth } from './breakLines.js';
import type { DrawOp, TextRun } from './PageModel.js';
import { placeLine } from './placeLine.js';
import { shapeText } from './shapeText.js';

/**
 * 版记 (GB/T 9704 §7.4, typography.md §6): one box pinned to the foot of the last page. 抄送
 * goes 1 character in from the left, its continued lines aligned after "抄送："; 印发机关 1
 * character in from the left and 印发日期 1 character in from the right share a line. A thick
 * rule above the first part and below the last, thin rules between; the last rule lies on the
 * text area's bottom edge. Nothing is drawn for an empty colophon.
 */
export function layoutColophon(block: ColophonBlock, area: BodyArea, { fonts }: LayoutContext): Box[] {
  const { style } = block;
  const line = style.leading;
  const left = area.left + block.inset;
  const width = area.width - 2 * block.inset;
  const baseline = baselineIn(line, style);
  const text: DrawOp[] = [];
  let rows = 0;
  // Places runs set on baseline 0 on the given row of the colophon.
  const onRow = (runs: readonly TextRun[], row: number) =>
    text.push(...runs.map((run) => ({ ...run, baseline: run.baseline + row * line + baseline })));

  if (block.copyTo) {
    const label = shapeText([{ ...block.copyTo.text, text: block.copyTo.label }], fonts).flatMap((unit) => unit.glyphs);
    const labelWidth = naturalWidth(label);
    onRow(placeLine({ glyphs: label, compressions: [], isLast: true }, left, labelWidth, 'left', 0), 0);
    for (const brokenLine of breakLines(shapeText([block.copyTo.text], fonts), () => width - labelWidth)) {
      onRow(placeLine(brokenLine, left + labelWidth, width - labelWidth, 'justify', 0), rows++);
    }
  }
  const printed = block.printedBy !== undefined || block.printedOn !== undefined;
  if (printed) {
    for (const [span, align] of [
      [block.printedBy, 'left'],
      [block.printedOn, 'right'],
    ] as const) {
      if (span) {
        const glyphs = shapeText([span], fonts).flatMap((unit) => unit.glyphs);
        onRow(placeLine({ glyphs, compressions: [], isLast: true }, left, width, align, 0), rows);
      }
    }
    rows++;
  }
  if (rows === 0) return [];

  const height = rows * line;
  const rule = (y: number, thickness: number): DrawOp => ({
    type: 'line',
    x1: area.left,
    x2: area.left + area.width,
    y1: y,
    y2: y,
    width: thickness,
    color: block.color,
  });
  const ops: DrawOp[] = [rule(block.thickRule / 2, block.thickRule), ...text];
  // A thin rule between 抄送 and 印发.
  if (block.copyTo && printed) ops.push(rule(height - line, block.thinRule));
  ops.push(rule(height - block.thickRule / 2, block.thickRule));
  return [box(height, ops, { pinToBottom: true })];
}

import { LayoutOverflowError } from '../../errors.js';
import type { TableBlock } from '../layout/LayoutModel.js';
import { POINTS_PER_MM } from '../layout/units.js';
import { type BodyArea, type Box, baselineIn, blank, box, type LayoutContext } from './Box.js';
import { type BrokenLine, breakLines, naturalWidth } from './breakLines.js';
import type { DrawOp } from './PageModel.js';
import { placeLine } from './placeLine.js';
import { type BreakUnit, type ShapedGlyph, shapeText } from './shapeText.js';
import { wordUnits } from './wordUnits.js';

const mm = (points: number) => (points / POINTS_PER_MM).toFixed(0);

/**
 * Column widths: fixed ones as stated, content-sized ones as wide as their widest cell on one
 * line (within their range), and the shares split what is left.
 */
function columnWidths(block: TableBlock, area: BodyArea, cells: readonly ShapedCell[][]): number[] {
  const pad = 2 * block.cellPadding;
  const sized = block.columns.map((column, index) => {
    const { width } = column;
    if ('fixed' in width) return width.fixed;
    if ('fraction' in width) return 0;
    // Text wider than the range wraps anyway, so only what fits within it sizes the column.
    let widest = width.content.min;
    for (const row of cells) {
      const cellWidth = row[index]!.width + pad;
      if (cellWidth > widest && cellWidth <= width.content.max) widest = cellWidth;
    }
    return widest;
  });
  const shares = block.columns.reduce((sum, c) => sum + ('fraction' in c.width ? c.width.fraction : 0), 0);
  const free = area.width - sized.reduce((a, b) => a + b, 0);
  if (shares > 0 && free <= 0) {
    throw new LayoutOverflowError(
      `the table's columns take ${mm(area.width - free)} mm, and the text area holds ${mm(area.width)} mm`,
    );
  }
  return block.columns.map((c, index) => ('fraction' in c.width ? (free * c.width.fraction) / shares : sized[index]!));
}

/** A cell's text shaped once, with its width on one line: both size columns and break lines. */
interface ShapedCell {
  readonly units: BreakUnit[];
  readonly glyphs: readonly ShapedGlyph[];
  readonly width: number;
  readonly hasNewline: boolean;
}

function shapeCell(spans: TableBlock['rows'][number]['cells'][number]['spans'], context: LayoutContext): ShapedCell {
  const units = shapeText(spans, context.fonts);
  const glyphs: ShapedGlyph[] = [];
  let hasNewline = false;
  for (const unit of units) {
    glyphs.push(...unit.glyphs);
    hasNewline ||= unit.isNewline;
  }
  return { units, glyphs, width: naturalWidth(glyphs), hasNewline };
}

/**
 * A cell's lines. Names and units (keep-whole columns) break only between words — a word
 * wider than the column, only then at a character; other text breaks as a paragraph does.
 */
function cellLines(cell: ShapedCell, width: number, keepWhole: boolean, context: LayoutContext): BrokenLine[] {
  const { units, glyphs } = cell;
  // Most cells fit their column: they are set as they are, and only one that must break is broken.
  if (cell.width <= width + 0.01 && !cell.hasNewline) return [{ glyphs, compressions: [], isLast: true }];
  if (!keepWhole) return breakLines(units, () => width);
  const widthInChars = width / (units[0]?.glyphs[0]?.size ?? 1);
  return breakLines(wordUnits(units, context.vocabulary, Math.floor(widthInChars)), () => width);
}

export function layoutTable(block: TableBlock, area: BodyArea, context: LayoutContext): Box[] {
  const shaped = block.rows.map((row) => row.cells.map((cell) => shapeCell(cell.spans, context)));
  const widths = columnWidths(block, area, shaped);
  const lefts = widths.map((_, i) => area.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const right = area.left + widths.reduce((a, b) => a + b, 0);
  const pad = block.cellPadding;
  const horizontal = (y: number, x1: number, x2: number): DrawOp => ({
    type: 'line',
    x1,
    x2,
    y1: y,
    y2: y,
    width: block.ruleThickness,
    color: block.ruleColor,
  });
  const vertical = (x: number, height: number): DrawOp => ({
    type: 'line',
    x1: x,
    x2: x,
    y1: 0,
    y2: height,
    width: block.ruleThickness,
    color: block.ruleColor,
  });

  let header: Box[] | undefined;
  const boxes: Box[] = [];
  block.rows.forEach((row, rowIndex) => {
    const style = row.header ? block.headerStyle : block.style;
    const cells = shaped[rowIndex]!.map((cell, index) =>
      cellLines(cell, widths[index]! - 2 * pad, block.columns[index]!.keepWhole && !row.header, context),
    );
    const lineCount = Math.max(1, ...cells.map((lines) => lines.length));
    const height = lineCount * style.leading;
    const ops: DrawOp[] = [horizontal(0, area.left, right), horizontal(height, area.left, right)];
    for (const x of [...lefts, right]) ops.push(vertical(x, height));
    cells.forEach((lines, index) => {
      const align = block.columns[index]!.align;
      // Cells with fewer lines than their row sit in its middle.
      const offset = ((lineCount - lines.length) / 2) * style.leading;
      lines.forEach((line, lineIndex) => {
        const baseline = offset + lineIndex * style.leading + baselineIn(style.leading, style);
        ops.push(...placeLine(line, lefts[index]! + pad, widths[index]! - 2 * pad, align, baseline));
      });
    });
    const rowBox = box(height, ops, { repeatHeader: row.header ? undefined : header, keepWithNext: row.header });
    if (row.header) header = [...(header ?? []), rowBox];
    boxes.push(rowBox);
  });
  return [...blank(block.spaceBefore), ...boxes, ...blank(block.spaceAfter)];
}

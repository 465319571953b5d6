import { LayoutOverflowError } from '../../errors.js';
import type { FontRegistry } from '../fonts/FontRegistry.js';
import { POINTS_PER_MM } from '../layout/units.js';
import type {
  Align,
  BarChartBlock,
  Block,
  ParagraphBlock,
  RuleBlock,
  SignatureBlock,
  TableBlock,
  TextSpan,
  TextStyle,
} from '../layout/LayoutModel.js';
import { balanceTitle } from './balanceTitle.js';
import { breakLines, naturalWidth } from './breakLines.js';
import type { DrawOp } from './PageModel.js';
import { placeLine } from './placeLine.js';
import { sealShapes } from './sealShapes.js';
import { shapeText } from './shapeText.js';

/**
 * A slice of a block that pagination moves as a whole: a line, a table row, a rule. Its
 * operations are laid out from y = 0 at the box's top.
 */
export interface Box {
  readonly height: number;
  readonly ops: readonly DrawOp[];
  /** Blank space: dropped when it would start a page. */
  readonly discardable: boolean;
  /** Must share a page with the box after it (title lines, headings). */
  readonly keepWithNext: boolean;
  /** Must share a page with the text before it (a signature never stands alone on a page). */
  readonly keepWithPrevious: boolean;
  /** Table rows carry their header, repeated at the top of a continuation page. */
  readonly repeatHeader: readonly Box[] | undefined;
  /** Set at the bottom of the body area rather than after the text (a certificate's signature). */
  readonly pinToBottom: boolean;
}

export interface BodyArea {
  readonly left: number;
  readonly width: number;
}

/** A box of the given height and operations; everything else as for a plain line of text. */
export const box = (height: number, ops: readonly DrawOp[], options: Partial<Box> = {}): Box => ({
  height,
  ops,
  discardable: false,
  keepWithNext: false,
  keepWithPrevious: false,
  repeatHeader: undefined,
  pinToBottom: false,
  ...options,
});

const blank = (height: number): Box[] => (height > 0 ? [box(height, [], { discardable: true })] : []);

/** Where the baseline sits in a line box: the ideographic em box centred in the line. */
export function baselineIn(lineHeight: number, style: TextStyle): number {
  return (lineHeight - style.size) / 2 + 0.88 * style.size;
}

/** One line of text in a single style, aligned in [left, left + width]: labels, numbers, dates. */
function textLine(
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

function textWidth(text: string, style: TextStyle, fonts: FontRegistry): number {
  return naturalWidth(shapeText([{ text, style, line: 0 }], fonts).flatMap((unit) => unit.glyphs));
}

function paragraph(block: ParagraphBlock, area: BodyArea, fonts: FontRegistry): Box[] {
  const { style } = block;
  const left = area.left + block.leftIndent;
  const width = area.width - block.leftIndent - block.rightIndent;
  const units = shapeText(block.spans, fonts);
  const lines =
    block.titleMaxChars === undefined
      ? breakLines(units, (index) => (index === 0 ? width - block.firstLineIndent : width))
      : balanceTitle(units, block.titleMaxChars, width);
  const baseline = baselineIn(style.leading, style);
  const boxes = lines.map((line, index) => {
    const indent = index === 0 && block.titleMaxChars === undefined ? block.firstLineIndent : 0;
    const keep = block.keepWithNext || (block.titleMaxChars !== undefined && index < lines.length - 1);
    return box(style.leading, placeLine(line, left + indent, width - indent, block.align, baseline), {
      keepWithNext: keep,
    });
  });
  if (boxes.length === 0) boxes.push(box(style.leading, [], { keepWithNext: block.keepWithNext }));
  return [...blank(block.spaceBefore), ...boxes, ...blank(block.spaceAfter)];
}

function rule(block: RuleBlock, area: BodyArea): Box[] {
  const width = block.width ?? area.width;
  const x1 = area.left + (area.width - width) / 2;
  const inner = block.double ? { gap: block.thickness * 2, thickness: block.thickness * 0.7 } : undefined;
  const ops: DrawOp[] = [
    {
      type: 'line',
      x1,
      x2: x1 + width,
      y1: block.thickness / 2,
      y2: block.thickness / 2,
      width: block.thickness,
      color: block.color,
    },
  ];
  if (inner) {
    const y = block.thickness + inner.gap + inner.thickness / 2;
    ops.push({ type: 'line', x1, x2: x1 + width, y1: y, y2: y, width: inner.thickness, color: block.color });
  }
  const height = block.thickness + (inner ? inner.gap + inner.thickness : 0);
  return [...blank(block.spaceBefore), box(height, ops), ...blank(block.spaceAfter)];
}

function table(block: TableBlock, area: BodyArea, fonts: FontRegistry): Box[] {
  const fixed = block.columns.reduce((sum, c) => sum + ('fixed' in c.width ? c.width.fixed : 0), 0);
  const shares = block.columns.reduce((sum, c) => sum + ('fraction' in c.width ? c.width.fraction : 0), 0);
  const free = Math.max(0, area.width - fixed);
  const widths = block.columns.map((c) => ('fixed' in c.width ? c.width.fixed : (free * c.width.fraction) / shares));
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
  for (const row of block.rows) {
    const style = row.header ? block.headerStyle : block.style;
    const cells = row.cells.map((cell, index) => {
      const cellWidth = widths[index]! - 2 * pad;
      return breakLines(shapeText(cell.spans, fonts), () => cellWidth);
    });
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
  }
  return [...blank(block.spaceBefore), ...boxes, ...blank(block.spaceAfter)];
}

function barChart(block: BarChartBlock, area: BodyArea, fonts: FontRegistry): Box[] {
  const { style } = block;
  const max = Math.max(1, ...block.bars.map((bar) => bar.value));
  const valueWidth =
    Math.max(...block.bars.map((bar) => textWidth(String(bar.value), style, fonts)), style.size) + block.gap;
  const barLeft = area.left + block.labelWidth + block.gap;
  const barSpace = area.width - block.labelWidth - block.gap - valueWidth;
  const baseline = baselineIn(style.leading, style);
  const boxes = block.bars.map((bar, index) => {
    const length = (bar.value / max) * barSpace;
    const ops: DrawOp[] = [
      ...textLine(bar.label, style, area.left, block.labelWidth, 'right', baseline, fonts),
      {
        type: 'rect',
        x: barLeft,
        y: (style.leading - block.barHeight) / 2,
        width: length,
        height: block.barHeight,
        fill: block.barColor,
        stroke: undefined,
        lineWidth: 0,
      },
      ...textLine(String(bar.value), style, barLeft + length + block.gap / 2, valueWidth, 'left', baseline, fonts),
      // The axis, drawn a row at a time so the chart can run over a page.
      { type: 'line', x1: barLeft, x2: barLeft, y1: 0, y2: style.leading, width: 0.75, color: [0, 0, 0] },
    ];
    // A chart is read whole: it moves to the next page rather than split.
    return box(style.leading, ops, { keepWithNext: index < block.bars.length - 1 });
  });
  return [...blank(block.spaceBefore), ...boxes, ...blank(block.spaceAfter)];
}

/**
 * GB/T 9704 §7.3.5: with a seal, the date ends `rightInset` (4 characters) from the right and
 * the authority is centred over it, the seal pressed over both with the text a little below
 * its centre; without a seal, the authority ends 2 characters from the right and the date
 * starts 2 characters further right on the next line. Fit policy: an authority too long to be
 * centred so moves left until it ends at the text area's right edge; one wider than the text
 * area is refused, naming it — nothing is drawn outside the body.
 */
function signature(block: SignatureBlock, area: BodyArea, fonts: FontRegistry): Box[] {
  const { style } = block;
  const right = area.left + area.width;
  const line = style.leading;
  const authorityWidth = textWidth(block.authority.text, style, fonts);
  const dateWidth = textWidth(block.date.text, style, fonts);
  for (const [text, width] of [
    [block.authority.text, authorityWidth],
    [block.date.text, dateWidth],
  ] as const) {
    if (width > area.width + 0.01) {
      const mm = (points: number) => (points / POINTS_PER_MM).toFixed(0);
      throw new LayoutOverflowError(
        `"${text}" (${[...text].length} characters) is ${mm(width)} mm wide, ` +
          `but the signature's line holds ${mm(area.width)} mm: shorten it`,
        { text },
      );
    }
  }
  const ops: DrawOp[] = [];
  const top = block.spaceBefore;
  const put = (span: TextSpan, left: number, width: number, row: number) =>
    ops.push(...textLine(span.text, style, left, width, 'left', top + row * line + baselineIn(line, style), fonts));
  if (block.seal) {
    const dateLeft = right - block.rightInset - dateWidth;
    const centre = dateLeft + dateWidth / 2;
    put(block.authority, Math.min(centre - authorityWidth / 2, right - authorityWidth), authorityWidth, 0);
    put(block.date, dateLeft, dateWidth, 1);
    // The seal's centre sits a little above the middle of the two lines, so they read "below centre",
    // and its top stays clear of the text above (GB/T 9704 §7.3.5.1).
    ops.push(...sealShapes(block.seal, centre, top + 0.9 * line, fonts));
  } else {
    const twoChars = 2 * style.size;
    const dateLeft = Math.max(
      area.left,
      Math.min(right - block.rightInset - authorityWidth + twoChars, right - twoChars - dateWidth),
    );
    const authorityLeft = Math.max(area.left, Math.min(right - block.rightInset - authorityWidth, dateLeft - twoChars));
    put(block.authority, authorityLeft, authorityWidth, 0);
    put(block.date, dateLeft, dateWidth, 1);
  }
  // GB/T 9704 §7.3.5.4: the signature and date never go to a page of their own.
  return [box(top + 2 * line, ops, { pinToBottom: block.pinToBottom, keepWithPrevious: !block.pinToBottom })];
}

function image(block: Extract<Block, { type: 'image' }>, area: BodyArea): Box[] {
  const x =
    area.left +
    (block.align === 'center'
      ? (area.width - block.width) / 2
      : block.align === 'right'
        ? area.width - block.width
        : 0);
  const ops: DrawOp[] = [
    { type: 'image', bytes: block.bytes, format: block.format, x, y: 0, width: block.width, height: block.height },
  ];
  return [...blank(block.spaceBefore), box(block.height, ops), ...blank(block.spaceAfter)];
}

/** Stage "lay out blocks": each block becomes boxes that pagination stacks on pages. */
export function layoutBlock(block: Block, area: BodyArea, fonts: FontRegistry): Box[] {
  switch (block.type) {
    case 'paragraph':
      return paragraph(block, area, fonts);
    case 'rule':
      return rule(block, area);
    case 'space':
      return blank(block.height);
    case 'table':
      return table(block, area, fonts);
    case 'bar-chart':
      return barChart(block, area, fonts);
    case 'signature':
      return signature(block, area, fonts);
    case 'image':
      return image(block, area);
  }
}

import type { BarChartBlock, Block, RuleBlock } from '../layout/LayoutModel.js';
import { type BodyArea, type Box, baselineIn, blank, box, type LayoutContext } from './Box.js';
import { layoutColophon } from './layoutColophon.js';
import { layoutParagraph } from './layoutParagraph.js';
import { layoutQrBlock } from './layoutQrCode.js';
import { layoutSignature } from './layoutSignature.js';
import { layoutTable } from './layoutTable.js';
import type { DrawOp } from './PageModel.js';
import { textLine, textWidth } from './textLine.js';

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

function barChart(block: BarChartBlock, area: BodyArea, { fonts }: LayoutContext): Box[] {
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
export function layoutBlock(block: Block, area: BodyArea, context: LayoutContext): Box[] {
  switch (block.type) {
    case 'paragraph':
      return layoutParagraph(block, area, context);
    case 'rule':
      return rule(block, area);
    case 'space':
      return blank(block.height);
    case 'table':
      return layoutTable(block, area, context);
    case 'bar-chart':
      return barChart(block, area, context);
    case 'signature':
      return layoutSignature(block, area, context);
    case 'image':
      return image(block, area);
    case 'colophon':
      return layoutColophon(block, area, context);
    case 'qr':
      return layoutQrBlock(block, area, context);
  }
}

import type { ParagraphBlock } from '../layout/LayoutModel.js';
import { balanceTitle } from './balanceTitle.js';
import { type BodyArea, type Box, baselineIn, blank, box, type LayoutContext } from './Box.js';
import { type BrokenLine, breakLines, naturalWidth } from './breakLines.js';
import { placeLine } from './placeLine.js';
import { shapeText } from './shapeText.js';
import { styleAtSize } from './styleAtSize.js';

/** Type sizes are stepped by half a point, as a typesetter would set them. */
const SIZE_STEP = 0.5;

/**
 * The fit policy of a mark (`shrink-to`): one line at the largest size down to the stated
 * minimum; failing that, two balanced lines broken between words at the largest size that
 * fits them; failing that, balanced lines at the minimum size.
 */
function shrinkToFit(block: ParagraphBlock, natural: number, width: number, context: LayoutContext): BrokenLine[] {
  const { style } = block;
  const minimum = block.shrinkTo!;
  const sizes: number[] = [];
  for (let size = style.size; size >= minimum - 0.001; size -= SIZE_STEP) sizes.push(size);
  const unitsAt = (size: number) =>
    shapeText(
      block.spans.map((span) => ({ ...span, style: styleAtSize(span.style, (span.style.size * size) / style.size) })),
      context.fonts,
    );
  // One line: the size is as large as the width allows.
  const oneLine = Math.floor((style.size * width) / natural / SIZE_STEP) * SIZE_STEP;
  for (const size of sizes.filter((size) => size <= oneLine)) {
    const glyphs = unitsAt(size).flatMap((unit) => unit.glyphs);
    if (naturalWidth(glyphs) <= width + 0.01) return [{ glyphs, compressions: [], isLast: true }];
  }
  for (const size of sizes) {
    const lines = balanceTitle(unitsAt(size), Number.POSITIVE_INFINITY, width, context.vocabulary);
    if (lines.length <= 2) return lines;
  }
  return balanceTitle(unitsAt(minimum), Number.POSITIVE_INFINITY, width, context.vocabulary);
}

function breakParagraph(block: ParagraphBlock, width: number, context: LayoutContext): BrokenLine[] {
  const units = shapeText(block.spans, context.fonts);
  if (block.titleMaxChars !== undefined) return balanceTitle(units, block.titleMaxChars, width, context.vocabulary);
  if (block.shrinkTo !== undefined) {
    const glyphs = units.flatMap((unit) => unit.glyphs);
    const natural = naturalWidth(glyphs);
    if (natural <= width + 0.01) return [{ glyphs, compressions: [], isLast: true }];
    return shrinkToFit(block, natural, width, context);
  }
  return breakLines(units, (index) => (index === 0 ? width - block.firstLineIndent : width));
}

export function layoutParagraph(block: ParagraphBlock, area: BodyArea, context: LayoutContext): Box[] {
  const { style } = block;
  const left = area.left + block.leftIndent;
  const width = area.width - block.leftIndent - block.rightIndent;
  const lines = breakParagraph(block, width, context);
  const isTitle = block.titleMaxChars !== undefined || block.shrinkTo !== undefined;
  // A shrunk line takes a line box shrunk alike, so the text below keeps its distance.
  const size = (block.shrinkTo !== undefined && lines[0]?.glyphs[0]?.size) || style.size;
  const leading = (style.leading * size) / style.size;
  const baseline = baselineIn(leading, { ...style, size });
  const boxes = lines.map((line, index) => {
    const indent = index === 0 && !isTitle ? block.firstLineIndent : 0;
    const last = index === lines.length - 1;
    // A title is read whole; a paragraph's first line is never alone at a page's foot (no orphan)
    // nor its last alone at a page's head (no widow).
    return box(leading, placeLine(line, left + indent, width - indent, block.align, baseline), {
      keepWithNext: block.keepWithNext || (!last && (isTitle || index === 0)),
      keepWithPrevious: index > 0 && last,
    });
  });
  if (boxes.length === 0) boxes.push(box(style.leading, [], { keepWithNext: block.keepWithNext }));
  return [...blank(block.spaceBefore), ...boxes, ...blank(block.spaceAfter)];
}

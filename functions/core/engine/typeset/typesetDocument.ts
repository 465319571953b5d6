import { LayoutOverflowError } from '../../errors.js';
import type { FontRegistry } from '../fonts/FontRegistry.js';
import type { Block, LayoutDocument, Section } from '../layout/LayoutModel.js';
import type { LayoutContext } from './Box.js';
import { layoutBlock } from './layoutBlocks.js';
import { placeQrCode } from './layoutQrCode.js';
import type { DrawOp, TypesetPage } from './PageModel.js';
import { paginate } from './paginate.js';
import { placeLine } from './placeLine.js';
import { longestText, withStyleAt } from './sectionFit.js';
import { shapeText } from './shapeText.js';
import { placeTextLine } from './textLine.js';
import { Vocabulary } from './Vocabulary.js';

// Height of an em dash above the baseline, in em (Noto CJK: 0.24–0.29).
const DASH_HEIGHT = 0.27;
/** A section's shrinking text steps down by half points. */
const SIZE_STEP = 0.5;

function frame(section: Section): DrawOp[] {
  const border = section.border;
  if (!border) return [];
  const rect = (inset: number, lineWidth: number): DrawOp => ({
    type: 'rect',
    x: inset,
    y: inset,
    width: section.width - 2 * inset,
    height: section.height - 2 * inset,
    fill: undefined,
    stroke: border.color,
    lineWidth,
  });
  const ops = [rect(border.inset + border.outerWidth / 2, border.outerWidth)];
  if (border.innerGap > 0)
    ops.push(rect(border.inset + border.outerWidth + border.innerGap + border.innerWidth / 2, border.innerWidth));
  return ops;
}

/**
 * "— 3 —", odd pages at the right and even at the left, one character in, the dashes 7 mm below
 * the body area (GB/T 9704 §7.5). The dash height is the font's.
 */
function pageNumber(section: Section, pageIndex: number, fonts: FontRegistry): DrawOp[] {
  const numbering = section.pageNumbers!;
  const style = numbering.style;
  const glyphs = shapeText([{ text: `— ${pageIndex + 1} —`, style, line: 0 }], fonts).flatMap((unit) => unit.glyphs);
  const top = section.height - section.margins.bottom + numbering.offset;
  const left = section.margins.left + numbering.inset;
  const width = section.width - section.margins.left - section.margins.right - 2 * numbering.inset;
  const odd = pageIndex % 2 === 0;
  return placeLine(
    { glyphs, compressions: [], isLast: true },
    left,
    width,
    odd ? 'right' : 'left',
    top + DASH_HEIGHT * style.size,
  );
}

function typesetSection(section: Section, context: LayoutContext): TypesetPage[] {
  const { fonts } = context;
  const area = { left: section.margins.left, width: section.width - section.margins.left - section.margins.right };
  const bodyHeight = section.height - section.margins.top - section.margins.bottom;
  const pagesOf = (blocks: readonly Block[]) =>
    paginate(
      blocks.flatMap((block) => layoutBlock(block, area, context)),
      section.margins.top,
      bodyHeight,
    );
  let pages = pagesOf(section.blocks);
  const over = () => section.maxPages !== undefined && pages.length > section.maxPages;
  // Fit policy: a section that runs over its pages first sets its body text smaller, within the minimum.
  const shrink = section.shrink;
  if (over() && shrink) {
    const style = section.blocks.find((block) => 'style' in block && block.style.name === shrink.style);
    const from = style && 'style' in style ? style.style.size : shrink.minSize;
    for (let size = from - SIZE_STEP; size >= shrink.minSize - 0.001 && over(); size -= SIZE_STEP) {
      pages = pagesOf(withStyleAt(section.blocks, shrink.style, size));
    }
  }
  if (over()) {
    const text = longestText(section.blocks);
    throw new LayoutOverflowError(
      `the text runs over ${pages.length} pages where at most ${section.maxPages} may be used` +
        (shrink ? `, even in ${shrink.minSize} pt type` : '') +
        (text === undefined ? '' : `; its longest text has ${[...text].length} characters`) +
        ': shorten it',
      { text },
    );
  }
  const numbered = section.pageNumbers !== undefined && (!section.pageNumbers.onlyWhenMultiple || pages.length > 1);
  const placed = [
    ...section.placedQrCodes.flatMap((code) => placeQrCode(code, section.height, fonts)),
    ...section.placedLines.flatMap((line) => placeTextLine(line, section.height, fonts)),
  ];
  return pages.map((ops, index) => ({
    width: section.width,
    height: section.height,
    ops: [
      ...frame(section),
      ...(index === 0 ? placed : []),
      ...ops,
      ...(numbered ? pageNumber(section, index, fonts) : []),
    ],
  }));
}

/** The typesetter's entry point: a parsed layout in, positioned pages out. */
export function typesetDocument(layout: LayoutDocument, fonts: FontRegistry): TypesetPage[] {
  const context = { fonts, vocabulary: new Vocabulary(layout.words) };
  return layout.sections.flatMap((section) => typesetSection(section, context));
}

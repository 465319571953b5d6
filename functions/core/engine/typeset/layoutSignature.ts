import { LayoutOverflowError } from '../../errors.js';
import type { SignatureBlock, TextSpan } from '../layout/LayoutModel.js';
import { POINTS_PER_MM } from '../layout/units.js';
import { balanceTitle } from './balanceTitle.js';
import { type BodyArea, type Box, baselineIn, box, type LayoutContext } from './Box.js';
import { type BrokenLine, naturalWidth } from './breakLines.js';
import type { DrawOp } from './PageModel.js';
import { placeLine } from './placeLine.js';
import { sealShapes } from './sealShapes.js';
import { shapeText } from './shapeText.js';

/** A signatory (职务 and name, up to 81 characters) or an authority goes over this many lines at most. */
const MAX_SIGNED_LINES = 3;

/** Lines of the body that go to a page with the signature. */
const SIGNATURE_CARRIES_LINES = 2;

const mm = (points: number) => (points / POINTS_PER_MM).toFixed(0);

/**
 * A signed name (the authority, the signatory) as set: one line, or — wider than the text area
 * — balanced lines broken between words (never inside a name: typography.md §6); wider than
 * two lines, refused naming it.
 */
function signedLines(span: TextSpan, area: BodyArea, context: LayoutContext): BrokenLine[] {
  const { text } = span;
  const units = shapeText([span], context.fonts);
  const width = naturalWidth(units.flatMap((unit) => unit.glyphs));
  const lines =
    width <= area.width + 0.01
      ? [{ glyphs: units.flatMap((unit) => unit.glyphs), compressions: [], isLast: true }]
      : balanceTitle(units, Number.POSITIVE_INFINITY, area.width, context.vocabulary);
  if (lines.length > MAX_SIGNED_LINES || lines.some((line) => naturalWidth(line.glyphs) > area.width + 0.01)) {
    throw new LayoutOverflowError(
      `"${text}" (${[...text].length} characters) is ${mm(width)} mm wide, but the signature holds ` +
        `${MAX_SIGNED_LINES} lines of ${mm(area.width)} mm: shorten it`,
      { text },
    );
  }
  return lines;
}

/**
 * GB/T 9704 §7.3.5: with a seal, the date ends `rightInset` (4 characters) from the right and
 * the authority is centred over it, the seal pressed over both with the text a little below
 * its centre; without a seal, the authority ends 2 characters from the right and the date
 * starts 2 characters further right on the next line. Fit policy: an authority too long to be
 * centred so moves left until it ends at the text area's right edge; one wider than the text
 * area goes over two lines broken between words, each placed as one line would be; wider
 * still, it is refused naming it — nothing is drawn outside the body.
 */
export function layoutSignature(block: SignatureBlock, area: BodyArea, context: LayoutContext): Box[] {
  const { style } = block;
  const right = area.left + area.width;
  const line = style.leading;
  const authority = signedLines(block.authority, area, context);
  const date = shapeText([block.date], context.fonts).flatMap((unit) => unit.glyphs);
  const dateWidth = naturalWidth(date);
  if (dateWidth > area.width + 0.01) {
    throw new LayoutOverflowError(
      `"${block.date.text}" is ${mm(dateWidth)} mm wide, but the signature's line holds ${mm(area.width)} mm`,
      { text: block.date.text },
    );
  }
  const ops: DrawOp[] = [];
  const top = block.spaceBefore;
  const put = (glyphs: BrokenLine['glyphs'], left: number, row: number) =>
    ops.push(
      ...placeLine(
        { glyphs, compressions: [], isLast: true },
        left,
        naturalWidth(glyphs),
        'left',
        top + row * line + baselineIn(line, style),
      ),
    );
  const signatory = block.signatory ? signedLines(block.signatory, area, context) : [];
  // A signatory's lines are followed by a blank line, so the seal pressed below them leaves them
  // legible and stays within a line of them.
  const firstAuthorityRow = signatory.length > 0 ? signatory.length + 1 : 0;
  const dateRow = firstAuthorityRow + authority.length;
  // The signatory ends where the date does under a seal (GB/T 9704 §7.3.5.3: 右空四字).
  const putSignatory = () =>
    signatory.forEach(({ glyphs }, row) => {
      put(glyphs, Math.max(area.left, right - block.rightInset - naturalWidth(glyphs)), row);
    });
  if (block.seal) {
    const dateLeft = right - block.rightInset - dateWidth;
    const centre = dateLeft + dateWidth / 2;
    authority.forEach(({ glyphs }, row) => {
      const width = naturalWidth(glyphs);
      put(glyphs, Math.min(centre - width / 2, right - width), firstAuthorityRow + row);
    });
    putSignatory();
    put(date, dateLeft, dateRow);
    // The seal's centre sits a little above the middle of the last authority line and the date,
    // so they read "below centre", and its top stays clear of the text above (GB/T 9704 §7.3.5.1).
    ops.push(...sealShapes(block.seal, centre, top + (dateRow - 0.1) * line, context.fonts));
  } else {
    const twoChars = 2 * style.size;
    const widest = Math.max(...authority.map(({ glyphs }) => naturalWidth(glyphs)));
    const dateLeft = Math.max(
      area.left,
      Math.min(right - block.rightInset - widest + twoChars, right - twoChars - dateWidth),
    );
    authority.forEach(({ glyphs }, row) => {
      const width = naturalWidth(glyphs);
      const left = Math.max(area.left, Math.min(right - block.rightInset - width, dateLeft - twoChars));
      put(glyphs, left, firstAuthorityRow + row);
    });
    putSignatory();
    put(date, dateLeft, dateRow);
  }
  // GB/T 9704 §7.3.5.4: the signature and date never go to a page of their own — they carry
  // two lines of the body with them (typography.md §6).
  // The box reaches down to the seal's edge, so nothing (a 版记, the page's end) is set under it.
  const sealBottom = block.seal ? top + (dateRow - 0.1) * line + block.seal.diameter / 2 : 0;
  return [
    box(Math.max(top + (dateRow + 1) * line, sealBottom), ops, {
      pinToBottom: block.pinToBottom,
      keepLinesBefore: block.pinToBottom ? 0 : SIGNATURE_CARRIES_LINES,
    }),
  ];
}

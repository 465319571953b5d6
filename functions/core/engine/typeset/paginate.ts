import { LayoutOverflowError } from '../../errors.js';
import { POINTS_PER_MM } from '../layout/units.js';
import type { Box } from './Box.js';
import { type DrawOp, shiftOp } from './PageModel.js';

/** Rounding slack: 22 lines of 225 mm / 22 must fit 225 mm. */
const EPSILON = 0.01;

/**
 * Which boxes must share a page with the box before them: those that say so, and for a box that
 * carries n boxes of text (a signature), it and the n − 1 boxes of text before it.
 */
function keptWithPrevious(boxes: readonly Box[]): boolean[] {
  const kept = boxes.map((box) => box.keepWithPrevious || box.keepLinesBefore > 0);
  boxes.forEach((box, index) => {
    let j = index;
    for (let carried = 1; carried < box.keepLinesBefore; carried++) {
      do j--;
      while (j > 0 && boxes[j]!.discardable);
      if (j <= 0) return;
      kept[j] = true;
    }
  });
  return kept;
}

/**
 * Stage "paginate": stacks boxes down the body area, starting a new page when the next box (with
 * any boxes it must stay with) does not fit. Blank space does not start a page, a continued
 * table repeats its header, and pinned boxes go to the bottom of the body area.
 *
 * @returns the operations of each page, already moved to the body area's top
 */
export function paginate(boxes: readonly Box[], bodyTop: number, bodyHeight: number): DrawOp[][] {
  const pages: DrawOp[][] = [[]];
  let y = 0;
  const place = (box: Box, at: number) => {
    pages.at(-1)!.push(...box.ops.map((op) => shiftOp(op, bodyTop + at)));
  };
  const newPage = () => {
    pages.push([]);
    y = 0;
  };
  const withPrevious = keptWithPrevious(boxes);
  // Whether box i must stay on the page of the next box that is not blank space.
  const bound = (i: number) => {
    let next = i + 1;
    while (boxes[next]?.discardable) next++;
    return boxes[i]!.keepWithNext || withPrevious[next] === true;
  };
  // Height of a box with the boxes it must share a page with; blank space between them goes along.
  const chainHeight = (from: number) => {
    let height = 0;
    for (let i = from; i < boxes.length; i++) {
      height += boxes[i]!.height;
      if (height > bodyHeight) break;
      if (!boxes[i]!.discardable && !bound(i)) break;
    }
    return Math.min(height, bodyHeight);
  };

  const mm = (points: number) => (points / POINTS_PER_MM).toFixed(1);
  boxes.forEach((box, index) => {
    const headed = box.height + (box.repeatHeader ?? []).reduce((sum, header) => sum + header.height, 0);
    if (headed > bodyHeight + EPSILON) {
      throw new LayoutOverflowError(
        `a block is ${mm(headed)} mm tall (a table row with its header, an image or a signature) ` +
          `but the page holds ${mm(bodyHeight)} mm: shorten its text or make it smaller in the template`,
      );
    }
    if (box.pinToBottom) {
      if (y > bodyHeight - box.height + EPSILON) newPage();
      place(box, bodyHeight - box.height);
      y = bodyHeight;
      return;
    }
    if (box.discardable && y === 0 && pages.length > 1) return;
    if (y > 0 && y + chainHeight(index) > bodyHeight + EPSILON) {
      newPage();
      if (box.discardable) return;
      for (const header of box.repeatHeader ?? []) {
        place(header, y);
        y += header.height;
      }
    }
    place(box, y);
    y += box.height;
  });
  return pages;
}

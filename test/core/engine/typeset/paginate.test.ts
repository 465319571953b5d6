import { describe, expect, it } from 'vitest';
import { type Box, box } from '../../../../functions/core/engine/typeset/Box.js';
import type { DrawOp } from '../../../../functions/core/engine/typeset/PageModel.js';
import { paginate } from '../../../../functions/core/engine/typeset/paginate.js';
import { LayoutOverflowError } from '../../../../functions/core/errors.js';

/** A line box that draws a rule, so a test can see where it went. */
const line = (id: number, options: Partial<Box> = {}): Box =>
  box(options.height ?? 10, [{ type: 'line', x1: id, x2: id, y1: 0, y2: 0, width: 1, color: [0, 0, 0] }], options);
const blank = (height: number): Box => ({ ...line(0), height, ops: [], discardable: true });
const ids = (page: readonly DrawOp[]) => page.map((op) => (op.type === 'line' ? op.x1 : -1));

describe('paginate', () => {
  it('fills a page, then starts the next, dropping blank space at the top of a page', () => {
    const pages = paginate([line(1), line(2), line(3), blank(10), line(4)], 0, 30);
    expect(pages.map(ids)).toEqual([[1, 2, 3], [4]]);
  });

  it('keeps a heading with the next line, also across blank space between them', () => {
    const boxes = [line(1), line(2), line(3, { keepWithNext: true }), blank(5), line(4)];
    expect(paginate(boxes, 0, 35).map(ids)).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('takes the last line along when a signature would start a page alone', () => {
    const boxes = [line(1), line(2), line(3), blank(5), line(9, { keepWithPrevious: true, height: 20 })];
    expect(paginate(boxes, 0, 40).map(ids)).toEqual([
      [1, 2],
      [3, 9],
    ]);
  });

  it('repeats a table header above rows continued on a new page', () => {
    const header = line(100, { keepWithNext: true });
    const rows = [1, 2, 3, 4].map((id) => line(id, { repeatHeader: [header] }));
    expect(paginate([header, ...rows], 0, 30).map(ids)).toEqual([
      [100, 1, 2],
      [100, 3, 4],
    ]);
  });

  it('moves everything down by the top margin and puts pinned boxes at the bottom', () => {
    const [page] = paginate([line(1), line(2, { pinToBottom: true })], 50, 100);
    expect(page!.map((op) => (op.type === 'line' ? op.y1 : -1))).toEqual([50, 140]);
  });

  it('refuses a box taller than the page instead of drawing past its edge', () => {
    expect(() => paginate([line(1, { height: 120 })], 0, 100)).toThrow(LayoutOverflowError);
    const header = line(100, { height: 60, keepWithNext: true });
    expect(() => paginate([header, line(1, { height: 50, repeatHeader: [header] })], 0, 100)).toThrow(/mm tall/);
  });
});

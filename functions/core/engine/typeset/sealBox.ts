import type { PageRect } from '../DocumentEngine.js';
import type { TypesetPage } from './PageModel.js';

/**
 * Where the seal is printed: the square around its rim on the first page that carries one, in PDF
 * user space (points, origin at the bottom left). A signature's field is laid over it, so that a
 * reader's click on the seal opens the signature that the seal stands for.
 */
export function sealBox(pages: readonly TypesetPage[]): PageRect | undefined {
  for (const [pageIndex, page] of pages.entries()) {
    for (const op of page.ops) {
      if (op.type !== 'circle' || op.stamp !== true) continue;
      const outer = op.radius + op.lineWidth / 2;
      const top = page.height - (op.cy - outer);
      const bottom = page.height - (op.cy + outer);
      return { pageIndex, rect: [op.cx - outer, bottom, op.cx + outer, top] };
    }
  }
  return undefined;
}

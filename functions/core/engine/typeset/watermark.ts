import type { FontRegistry } from '../fonts/FontRegistry.js';
import type { Rgb, TextStyle } from '../layout/LayoutModel.js';
import type { DrawOp, TypesetPage } from './PageModel.js';
import { placeLine } from './placeLine.js';
import { shapeText } from './shapeText.js';

/**
 * A light tint, drawn under everything else: PDF/A-1 allows no transparency, so the mark is a
 * pale colour the page's text stays legible over, not a translucent one.
 */
const TINT: Rgb = [0.96, 0.8, 0.8];
const CAPTION_COLOR: Rgb = [0.8, 0, 0];
/** The mark's characters, a quarter of the page's shorter side each, across the page's diagonal. */
const MARK_SHARE = 0.25;
const CAPTION_SIZE = 10;

const style = (size: number, color: Rgb): TextStyle => ({
  name: 'watermark',
  font: 'heiti',
  size,
  color,
  tracking: 0,
  leading: size,
  autospace: false,
});

/**
 * Marks a page as what it is not yet (样稿, a draft): the text large and pale along the page's
 * rising diagonal, under the content, and once more as a line of text at the top of the page with
 * `caption`, so that the mark is in the page's extracted text as well as in its ink. (Drafts are
 * PDF only: an OFD would file the diagonal mark with the seal's stamp.)
 */
export function watermarkPage(page: TypesetPage, text: string, caption: string, fonts: FontRegistry): TypesetPage {
  const size = Math.min(page.width, page.height) * MARK_SHARE;
  const glyphs = shapeText([{ text, style: style(size, TINT), line: 0 }], fonts).flatMap((unit) => unit.glyphs);
  const length = glyphs.reduce((sum, glyph) => sum + glyph.advance, 0);
  // Rising from lower left to upper right; in the page model y grows downwards.
  const angle = -Math.atan2(page.height, page.width);
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  // The run's centre at the page's centre: half its length back along the baseline, whose
  // characters sit about a third of their size below the line through their middle.
  const startX = page.width / 2 - (cos * length) / 2 - sin * 0.35 * size;
  const startY = page.height / 2 - (sin * length) / 2 + cos * 0.35 * size;
  const mark: DrawOp[] = [];
  let along = 0;
  for (const glyph of glyphs) {
    mark.push({
      type: 'rotated-glyph',
      font: glyph.font,
      size,
      color: TINT,
      codePoint: glyph.codePoint,
      x: startX + cos * along,
      y: startY + sin * along,
      angle,
      // Like the seal's characters: under the text and out of its extracted text, which the
      // caption line carries (the mark's characters would land among the body's words).
      stamp: true,
    });
    along += glyph.advance;
  }
  const captionGlyphs = shapeText(
    [{ text: caption, style: style(CAPTION_SIZE, CAPTION_COLOR), line: 0 }],
    fonts,
  ).flatMap((unit) => unit.glyphs);
  const captionLine = placeLine(
    { glyphs: captionGlyphs, compressions: [], isLast: true },
    0,
    page.width,
    'center',
    CAPTION_SIZE * 1.8,
  );
  return { ...page, ops: [...mark, ...captionLine, ...page.ops] };
}

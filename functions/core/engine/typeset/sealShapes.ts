import type { FontRegistry } from '../fonts/FontRegistry.js';
import type { SealSpec } from '../layout/LayoutModel.js';
import { POINTS_PER_MM } from '../layout/units.js';
import type { DrawOp } from './PageModel.js';
import { shapeText } from './shapeText.js';

/** Proportions from typography.md §5, relative to a 42 mm seal. */
const RIM = 1.1 / 42;
const STAR_RADIUS = 7 / 42;
const STAR_INNER = 0.381966;
const TEXT_HEIGHT = 4.5 / 42;
const MAX_ARC = (240 * Math.PI) / 180;
const MAX_STEP = (32 * Math.PI) / 180;

/**
 * The official seal as vector shapes: a red rim, a five-pointed star, and the authority's name
 * along the upper arc, each character turned to stay tangent to the circle.
 */
export function sealShapes(seal: SealSpec, cx: number, cy: number, fonts: FontRegistry): DrawOp[] {
  const radius = seal.diameter / 2;
  const rim = RIM * seal.diameter;
  const ops: DrawOp[] = [
    { type: 'circle', cx, cy, radius: radius - rim / 2, stroke: seal.color, lineWidth: rim, stamp: true },
  ];

  const star = STAR_RADIUS * seal.diameter;
  const points = Array.from({ length: 10 }, (_, k) => {
    const angle = (k * Math.PI) / 5;
    const r = k % 2 === 0 ? star : star * STAR_INNER;
    return [cx + r * Math.sin(angle), cy - r * Math.cos(angle)] as const;
  });
  ops.push({ type: 'polygon', points, fill: seal.color, stamp: true });

  const count = [...seal.text].length;
  const step = Math.min(MAX_STEP, MAX_ARC / Math.max(count, 1));
  // A long name gets smaller characters, so that neighbours on the arc never touch.
  const arcRadius = radius - rim - 1.2 * POINTS_PER_MM;
  const size = Math.min((TEXT_HEIGHT * seal.diameter) / 0.88, (0.9 * step * arcRadius) / (1 + 0.45 * step));
  const glyphs = shapeText(
    [{ text: seal.text, style: { ...seal.style, size, tracking: 0, autospace: false }, line: 0 }],
    fonts,
  ).flatMap((unit) => unit.glyphs);
  const textRadius = arcRadius - 0.5 * size;
  glyphs.forEach((glyph, index) => {
    const angle = (index - (glyphs.length - 1) / 2) * step;
    const [sin, cos] = [Math.sin(angle), Math.cos(angle)];
    // The glyph's centre sits on the text circle; its "up" points away from the seal's centre.
    const centreX = cx + textRadius * sin;
    const centreY = cy - textRadius * cos;
    const half = glyph.advance / 2;
    const lift = 0.38 * size;
    ops.push({
      type: 'rotated-glyph',
      font: glyph.font,
      size,
      color: seal.color,
      codePoint: glyph.codePoint,
      x: centreX - cos * half - sin * lift,
      y: centreY - sin * half + cos * lift,
      angle,
      stamp: true,
    });
  });
  return ops;
}

import type { LoadedFont } from '../fonts/FontRegistry.js';
import type { Rgb } from '../layout/LayoutModel.js';

/**
 * What the typesetter hands to the PDF writer: pages of drawing operations in points, measured
 * from the top-left corner of the paper (the writer flips them into PDF's bottom-up space).
 */
export interface PlacedGlyph {
  readonly codePoint: number;
  readonly x: number;
}

/** Glyphs of one font, size and colour on one baseline. */
export interface TextRun {
  readonly type: 'text';
  readonly font: LoadedFont;
  readonly size: number;
  readonly color: Rgb;
  readonly baseline: number;
  readonly glyphs: readonly PlacedGlyph[];
}

/**
 * Marks the ink of a stamp (the seal): printed under the page's text (PDF/A-1 allows no multiply
 * mode), and left out of the text layer, since a stamp is not part of the document's text.
 */
export interface Stamped {
  readonly stamp?: boolean;
}

/** A single glyph turned about its own origin (the seal's arc text). */
export interface RotatedGlyph extends Stamped {
  readonly type: 'rotated-glyph';
  readonly font: LoadedFont;
  readonly size: number;
  readonly color: Rgb;
  readonly codePoint: number;
  readonly x: number;
  readonly y: number;
  /** Clockwise, in radians. */
  readonly angle: number;
}

export interface LineShape {
  readonly type: 'line';
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly width: number;
  readonly color: Rgb;
}

export interface RectShape {
  readonly type: 'rect';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly fill: Rgb | undefined;
  readonly stroke: Rgb | undefined;
  readonly lineWidth: number;
}

/**
 * Rectangles filled as one path (a QR code's modules): one paint, so touching rectangles show no
 * hairline seams between them when rasterised.
 */
export interface RectsShape {
  readonly type: 'rects';
  readonly fill: Rgb;
  readonly rects: readonly {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  }[];
}

export interface CircleShape extends Stamped {
  readonly type: 'circle';
  readonly cx: number;
  readonly cy: number;
  readonly radius: number;
  readonly stroke: Rgb;
  readonly lineWidth: number;
}

export interface PolygonShape extends Stamped {
  readonly type: 'polygon';
  readonly points: readonly (readonly [number, number])[];
  readonly fill: Rgb;
}

export interface ImageShape {
  readonly type: 'image';
  readonly bytes: Uint8Array;
  readonly format: 'png' | 'jpeg';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export type DrawOp =
  | TextRun
  | RotatedGlyph
  | LineShape
  | RectShape
  | RectsShape
  | CircleShape
  | PolygonShape
  | ImageShape;

export interface TypesetPage {
  readonly width: number;
  readonly height: number;
  readonly ops: readonly DrawOp[];
}

/** Moves an operation down the page by dy (boxes are laid out at 0 and placed by pagination). */
export function shiftOp(op: DrawOp, dy: number): DrawOp {
  switch (op.type) {
    case 'text':
      return { ...op, baseline: op.baseline + dy };
    case 'rotated-glyph':
    case 'rect':
    case 'image':
      return { ...op, y: op.y + dy };
    case 'line':
      return { ...op, y1: op.y1 + dy, y2: op.y2 + dy };
    case 'rects':
      return { ...op, rects: op.rects.map((rect) => ({ ...rect, y: rect.y + dy })) };
    case 'circle':
      return { ...op, cy: op.cy + dy };
    case 'polygon':
      return { ...op, points: op.points.map(([x, y]) => [x, y + dy] as const) };
  }
}

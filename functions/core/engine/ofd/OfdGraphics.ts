import type { LoadedFont } from '../fonts/FontRegistry.js';
import type { DrawOp, PlacedGlyph, RotatedGlyph, TextRun } from '../typeset/PageModel.js';
import { Bounds, mm, mmList, rgb, unitless } from './ofdUnits.js';
import { element, textElement, type XmlNode } from './ofdXml.js';

/** Approximates a quarter circle with a cubic Bézier (as the PDF writer does). */
const KAPPA = 0.5522847498;

const isSpace = (codePoint: number) => /\s/u.test(String.fromCodePoint(codePoint));

/** The run's glyphs cut at its spaces, the spaces left out. */
function stretchesBetweenSpaces(glyphs: readonly PlacedGlyph[]): PlacedGlyph[][] {
  const stretches: PlacedGlyph[][] = [];
  let current: PlacedGlyph[] = [];
  for (const glyph of glyphs) {
    if (isSpace(glyph.codePoint)) {
      if (current.length > 0) stretches.push(current);
      current = [];
    } else current.push(glyph);
  }
  if (current.length > 0) stretches.push(current);
  return stretches;
}

/** What the graphics refer to in the document's resources, and where their IDs come from. */
export interface OfdResources {
  nextId(): number;
  fontId(font: LoadedFont): number;
  imageId(bytes: Uint8Array): number;
}

/** The advance of a run's glyph, in points. */
function advance(font: LoadedFont, size: number, codePoint: number): number {
  const { opentype } = font;
  return (opentype.advanceWidth(opentype.glyphId(codePoint)) * size) / opentype.metrics.unitsPerEm;
}

/** A run's em boxes and a fifth of an em around them, from the stretches it draws. */
function textBounds(op: TextRun, stretches: readonly (readonly PlacedGlyph[])[]): Bounds {
  const bounds = new Bounds();
  const first = stretches[0]?.[0];
  const last = stretches.at(-1)?.at(-1);
  if (!first || !last) return bounds;
  const em = op.size;
  return bounds
    .add(first.x, op.baseline - 1.1 * em, 0.2 * em)
    .add(last.x + advance(op.font, em, last.codePoint), op.baseline + 0.3 * em, 0.2 * em);
}

/**
 * The box an operation's unit gets as its Boundary, in page points: its ink with room to spare,
 * since a reader may clip to it. Text gets its em boxes and a fifth of an em around them (every
 * CJK and Latin glyph's ink lies within); a turned glyph, a square of three ems about its origin.
 */
export function boundsOf(op: DrawOp): Bounds {
  const bounds = new Bounds();
  switch (op.type) {
    case 'text':
      return textBounds(op, stretchesBetweenSpaces(op.glyphs));
    case 'rotated-glyph':
      return bounds.add(op.x, op.y, 1.5 * op.size);
    case 'line':
      return bounds.add(op.x1, op.y1, op.width).add(op.x2, op.y2, op.width);
    case 'rect': {
      const margin = op.stroke ? op.lineWidth : 0;
      return bounds.add(op.x, op.y, margin).add(op.x + op.width, op.y + op.height, margin);
    }
    case 'rects':
      for (const r of op.rects) bounds.add(r.x, r.y).add(r.x + r.width, r.y + r.height);
      return bounds;
    case 'circle':
      return bounds.add(op.cx, op.cy, op.radius + op.lineWidth);
    case 'polygon':
      for (const [x, y] of op.points) bounds.add(x, y);
      return bounds;
    case 'image':
      return bounds.add(op.x, op.y).add(op.x + op.width, op.y + op.height);
  }
}

/** Path data with coordinates relative to a boundary's corner, single-spaced as every reader splits it. */
class PathData {
  private readonly parts: string[] = [];

  constructor(
    private readonly left: number,
    private readonly top: number,
  ) {}

  private point(x: number, y: number): string {
    return `${mm(x - this.left)} ${mm(y - this.top)}`;
  }

  move(x: number, y: number): this {
    this.parts.push(`M ${this.point(x, y)}`);
    return this;
  }

  line(x: number, y: number): this {
    this.parts.push(`L ${this.point(x, y)}`);
    return this;
  }

  curve(x1: number, y1: number, x2: number, y2: number, x: number, y: number): this {
    this.parts.push(`B ${this.point(x1, y1)} ${this.point(x2, y2)} ${this.point(x, y)}`);
    return this;
  }

  /**
   * OFD's close operator is C (its cubic curve is B). It ends the data only: one viewer (ofd.js)
   * skips the operator after a C, so closed shapes that follow one another end on their start point.
   */
  close(): this {
    this.parts.push('C');
    return this;
  }

  toString(): string {
    return this.parts.join(' ');
  }
}

/**
 * Writes the page model's drawing operations as OFD graphic units (GB/T 33190 §9–11) under a
 * layer or an annotation's appearance. Every unit's Boundary holds its ink with room to spare (a
 * reader may clip to it); coordinates inside are relative to the Boundary's corner, whose origin
 * `origin` is itself relative to (a layer's is the page's, an appearance's its own Boundary).
 */
export class OfdGraphics {
  constructor(
    /** The layer's or appearance's children, appended to in drawing order. */
    private readonly parent: XmlNode[],
    private readonly resources: OfdResources,
    private readonly origin: { readonly x: number; readonly y: number } = { x: 0, y: 0 },
  ) {}

  add(op: DrawOp): void {
    // A run's stretches are cut once, for its box and its TextCodes.
    if (op.type === 'text') {
      const stretches = stretchesBetweenSpaces(op.glyphs);
      if (stretches.length > 0) this.text(op, textBounds(op, stretches), stretches);
      return;
    }
    const bounds = boundsOf(op);
    if (bounds.empty) return;
    switch (op.type) {
      case 'rotated-glyph':
        this.rotatedGlyph(op, bounds);
        return;
      case 'line': {
        const path = this.path(bounds, { stroke: op.color, lineWidth: op.width });
        path.data.move(op.x1, op.y1).line(op.x2, op.y2);
        path.end();
        return;
      }
      case 'rect': {
        const path = this.path(bounds, { fill: op.fill, stroke: op.stroke, lineWidth: op.lineWidth });
        path.data
          .move(op.x, op.y)
          .line(op.x + op.width, op.y)
          .line(op.x + op.width, op.y + op.height)
          .line(op.x, op.y + op.height)
          .close();
        path.end();
        return;
      }
      case 'rects': {
        const path = this.path(bounds, { fill: op.fill });
        for (const r of op.rects)
          path.data
            .move(r.x, r.y)
            .line(r.x + r.width, r.y)
            .line(r.x + r.width, r.y + r.height)
            .line(r.x, r.y + r.height)
            .line(r.x, r.y);
        path.end();
        return;
      }
      case 'circle': {
        const { cx, cy, radius: r } = op;
        const k = r * KAPPA;
        const path = this.path(bounds, { stroke: op.stroke, lineWidth: op.lineWidth });
        path.data
          .move(cx + r, cy)
          .curve(cx + r, cy + k, cx + k, cy + r, cx, cy + r)
          .curve(cx - k, cy + r, cx - r, cy + k, cx - r, cy)
          .curve(cx - r, cy - k, cx - k, cy - r, cx, cy - r)
          .curve(cx + k, cy - r, cx + r, cy - k, cx + r, cy)
          .close();
        path.end();
        return;
      }
      case 'polygon': {
        const path = this.path(bounds, { fill: op.fill });
        for (const [i, [x, y]] of op.points.entries()) {
          if (i === 0) path.data.move(x, y);
          else path.data.line(x, y);
        }
        path.data.close();
        path.end();
        return;
      }
      case 'image':
        // An image fills the unit square of its own space: the matrix stretches it over its box.
        this.parent.push(
          element('ImageObject', {
            ID: this.resources.nextId(),
            Boundary: this.box(bounds),
            CTM: mmList(op.width, 0, 0, op.height, 0, 0),
            ResourceID: this.resources.imageId(op.bytes),
          }),
        );
        return;
    }
  }

  /** "x y w h" of a box in points, relative to this writer's origin. */
  private box(bounds: Bounds): string {
    const { left, top, right, bottom } = bounds;
    return mmList(left - this.origin.x, top - this.origin.y, right - left, bottom - top);
  }

  /** A path unit over `bounds`: its data is written in, then `end()` puts it in the document. */
  private path(
    bounds: Bounds,
    paint: { fill?: readonly number[] | undefined; stroke?: readonly number[] | undefined; lineWidth?: number },
  ) {
    const data = new PathData(bounds.left, bounds.top);
    const end = () => {
      // Stroke and Fill are always written: one viewer strokes every path that does not say otherwise.
      const attributes = {
        ID: this.resources.nextId(),
        Boundary: this.box(bounds),
        ...(paint.stroke && paint.lineWidth !== undefined ? { LineWidth: mm(paint.lineWidth) } : {}),
        Stroke: paint.stroke ? 'true' : 'false',
        Fill: paint.fill ? 'true' : 'false',
      };
      this.parent.push(
        element('PathObject', attributes, [
          ...(paint.stroke ? [element('StrokeColor', { Value: rgb(paint.stroke as never) })] : []),
          ...(paint.fill ? [element('FillColor', { Value: rgb(paint.fill as never) })] : []),
          textElement('AbbreviatedData', data.toString()),
        ]),
      );
    };
    return { data, end };
  }

  /** One run as one TextObject: each stretch's first pen position, then each advance (DeltaX) as typeset. */
  private text(op: TextRun, bounds: Bounds, stretches: readonly (readonly PlacedGlyph[])[]): void {
    const attributes = {
      ID: this.resources.nextId(),
      Boundary: this.box(bounds),
      Font: this.resources.fontId(op.font),
      Size: mm(op.size),
    };
    const children = [element('FillColor', { Value: rgb(op.color) })];
    // Spaces are not written: XML readers trim a text's ends (U+3000 included), which would shift
    // every advance after them; each stretch between spaces is a TextCode placed on its own.
    for (const stretch of stretches) {
      const advances = stretch.slice(1).map((glyph, i) => mm(glyph.x - stretch[i]!.x));
      const position = {
        X: mm(stretch[0]!.x - bounds.left),
        Y: mm(op.baseline - bounds.top),
        ...(advances.length > 0 ? { DeltaX: advances.join(' ') } : {}),
      };
      children.push(
        textElement('TextCode', String.fromCodePoint(...stretch.map((glyph) => glyph.codePoint)), position),
      );
    }
    this.parent.push(element('TextObject', attributes, children));
  }

  /** A glyph turned clockwise about its origin: the matrix turns the unit's space about that point. */
  private rotatedGlyph(op: RotatedGlyph, bounds: Bounds): void {
    const [ox, oy] = [op.x - bounds.left, op.y - bounds.top];
    const [cos, sin] = [Math.cos(op.angle), Math.sin(op.angle)];
    // x' = cos·x − sin·y + e, y' = sin·x + cos·y + f, with (ox, oy) kept where it is.
    const e = ox - (cos * ox - sin * oy);
    const f = oy - (sin * ox + cos * oy);
    const attributes = {
      ID: this.resources.nextId(),
      Boundary: this.box(bounds),
      CTM: `${unitless(cos)} ${unitless(sin)} ${unitless(-sin)} ${unitless(cos)} ${mm(e)} ${mm(f)}`,
      Font: this.resources.fontId(op.font),
      Size: mm(op.size),
    };
    this.parent.push(
      element('TextObject', attributes, [
        element('FillColor', { Value: rgb(op.color) }),
        textElement('TextCode', String.fromCodePoint(op.codePoint), { X: mm(ox), Y: mm(oy) }),
      ]),
    );
  }
}

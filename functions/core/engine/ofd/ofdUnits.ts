import type { Rgb } from '../layout/LayoutModel.js';

/** OFD measures in millimetres; the page model in points. */
export const MM_PER_POINT = 25.4 / 72;

/**
 * A length in points as OFD writes it: millimetres to the micrometre (the format's positions must
 * agree with the PDF's within 0.1 mm), trailing zeros dropped, never "-0", so the same layout
 * gives the same characters.
 */
export function mm(points: number): string {
  const text = (points * MM_PER_POINT).toFixed(3).replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}

/** Lengths in points as an OFD array ("x y w h", "a b c d e f"). */
export const mmList = (...points: number[]): string => points.map(mm).join(' ');

/** A plain number (a matrix's rotation terms), to six places. */
export function unitless(value: number): string {
  const text = value.toFixed(6).replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}

/** The page model's 0–1 colour as OFD's "r g b", 0–255 each. */
export const rgb = (color: Rgb): string => color.map((c) => Math.round(c * 255)).join(' ');

/** A box in points, as the corners seen so far; grown by each point or box added. */
export class Bounds {
  left = Number.POSITIVE_INFINITY;
  top = Number.POSITIVE_INFINITY;
  right = Number.NEGATIVE_INFINITY;
  bottom = Number.NEGATIVE_INFINITY;

  add(x: number, y: number, margin = 0): this {
    this.left = Math.min(this.left, x - margin);
    this.top = Math.min(this.top, y - margin);
    this.right = Math.max(this.right, x + margin);
    this.bottom = Math.max(this.bottom, y + margin);
    return this;
  }

  get empty(): boolean {
    return this.left > this.right;
  }
}

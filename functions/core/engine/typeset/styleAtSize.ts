import type { TextStyle } from '../layout/LayoutModel.js';

/** A style set at another size: tracking and leading scale with it, so the text keeps its look. */
export function styleAtSize(style: TextStyle, size: number): TextStyle {
  if (size === style.size) return style;
  const scale = size / style.size;
  return { ...style, size, tracking: style.tracking * scale, leading: style.leading * scale };
}

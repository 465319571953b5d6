import type { Block, TextSpan, TextStyle } from '../layout/LayoutModel.js';
import { styleAtSize } from './styleAtSize.js';

/**
 * The blocks with one style's text set at another size: type size, tracking, leading and the
 * indents measured in it (2 em) all scale alike, so the text keeps its look, only smaller.
 */
export function withStyleAt(blocks: readonly Block[], styleName: string, size: number): Block[] {
  const scaleOf = (style: TextStyle) => (style.name === styleName ? size / style.size : 1);
  const scaled = (style: TextStyle): TextStyle => (style.name === styleName ? styleAtSize(style, size) : style);
  const span = (s: TextSpan): TextSpan => ({ ...s, style: scaled(s.style) });
  return blocks.map((block) => {
    switch (block.type) {
      case 'paragraph': {
        const scale = scaleOf(block.style);
        return {
          ...block,
          style: scaled(block.style),
          spans: block.spans.map(span),
          firstLineIndent: block.firstLineIndent * scale,
          leftIndent: block.leftIndent * scale,
          rightIndent: block.rightIndent * scale,
        };
      }
      case 'signature': {
        const scale = scaleOf(block.style);
        return {
          ...block,
          style: scaled(block.style),
          authority: span(block.authority),
          date: span(block.date),
          signatory: block.signatory && span(block.signatory),
          rightInset: block.rightInset * scale,
        };
      }
      default:
        return block;
    }
  });
}

/** The section's longest text: what a refusal names when the section runs over its pages. */
export function longestText(blocks: readonly Block[]): string | undefined {
  const texts = blocks.flatMap((block) =>
    block.type === 'paragraph' ? [block.spans.map((span) => span.text).join('')] : [],
  );
  return texts.reduce<string | undefined>(
    (longest, text) => (text.length > (longest?.length ?? 0) ? text : longest),
    undefined,
  );
}

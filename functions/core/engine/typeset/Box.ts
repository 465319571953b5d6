import type { FontRegistry } from '../fonts/FontRegistry.js';
import type { TextStyle } from '../layout/LayoutModel.js';
import type { DrawOp } from './PageModel.js';
import type { Vocabulary } from './Vocabulary.js';

/**
 * A slice of a block that pagination moves as a whole: a line, a table row, a rule. Its
 * operations are laid out from y = 0 at the box's top.
 */
export interface Box {
  readonly height: number;
  readonly ops: readonly DrawOp[];
  /** Blank space: dropped when it would start a page. */
  readonly discardable: boolean;
  /** Must share a page with the box after it (title lines, headings). */
  readonly keepWithNext: boolean;
  /** Must share a page with the box before it (a paragraph's last line: no widow). */
  readonly keepWithPrevious: boolean;
  /** Must share a page with this many boxes of text before it (a signature carries two lines of body). */
  readonly keepLinesBefore: number;
  /** Table rows carry their header, repeated at the top of a continuation page. */
  readonly repeatHeader: readonly Box[] | undefined;
  /** Set at the bottom of the body area rather than after the text (a certificate's signature). */
  readonly pinToBottom: boolean;
}

export interface BodyArea {
  readonly left: number;
  readonly width: number;
}

/** A box of the given height and operations; everything else as for a plain line of text. */
export const box = (height: number, ops: readonly DrawOp[], options: Partial<Box> = {}): Box => ({
  height,
  ops,
  discardable: false,
  keepWithNext: false,
  keepWithPrevious: false,
  keepLinesBefore: 0,
  repeatHeader: undefined,
  pinToBottom: false,
  ...options,
});

export const blank = (height: number): Box[] => (height > 0 ? [box(height, [], { discardable: true })] : []);

/** Where the baseline sits in a line box: the ideographic em box centred in the line. */
export function baselineIn(lineHeight: number, style: TextStyle): number {
  return (lineHeight - style.size) / 2 + 0.88 * style.size;
}

/** What laying out a block needs beyond the block: the fonts, and the words titles break between. */
export interface LayoutContext {
  readonly fonts: FontRegistry;
  /** Terms of the domain and the record's names and units: never broken inside (typography.md §6). */
  readonly vocabulary: Vocabulary;
}

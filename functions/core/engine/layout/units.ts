/** Length units of the layout markup, in PDF points. */
export const POINTS_PER_MM = 72 / 25.4;

export const PAPER_SIZES: Record<string, readonly [number, number]> = {
  A4: [210 * POINTS_PER_MM, 297 * POINTS_PER_MM],
  A3: [297 * POINTS_PER_MM, 420 * POINTS_PER_MM],
  A5: [148 * POINTS_PER_MM, 210 * POINTS_PER_MM],
};

export interface LengthContext {
  /** The current font size, for em. */
  readonly em: number;
  /** The document's line pitch, for line. */
  readonly line: number;
}

const LENGTH = /^(-?\d+(?:\.\d+)?)(mm|cm|pt|em|lines?)?(?:\s*\/\s*(\d+(?:\.\d+)?))?$/;

/**
 * Parses "37mm", "16pt", "2em", "1line", "225mm/22" (a division keeps grid pitches exact).
 * Returns undefined for anything else, so the caller can name the attribute in its error.
 */
export function parseLength(text: string, context: LengthContext): number | undefined {
  const match = LENGTH.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]);
  const unit = match[2] ?? 'pt';
  const divisor = match[3] === undefined ? 1 : Number(match[3]);
  if (divisor === 0) return undefined;
  const scale =
    unit === 'mm'
      ? POINTS_PER_MM
      : unit === 'cm'
        ? POINTS_PER_MM * 10
        : unit === 'em'
          ? context.em
          : unit.startsWith('line')
            ? context.line
            : 1;
  return (value * scale) / divisor;
}

/** "#FF0000" → [1, 0, 0]. */
export function parseColor(text: string): readonly [number, number, number] | undefined {
  const match = /^#([0-9a-fA-F]{6})$/.exec(text.trim());
  if (!match) return undefined;
  const hex = parseInt(match[1]!, 16);
  return [((hex >> 16) & 255) / 255, ((hex >> 8) & 255) / 255, (hex & 255) / 255];
}

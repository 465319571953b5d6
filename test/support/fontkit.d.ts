// fontkit 2 ships no type declarations; the tests use this much of it.
declare module 'fontkit' {
  export interface Glyph {
    readonly path: { readonly commands: readonly unknown[]; toSVG(): string };
    readonly advanceWidth: number;
  }
  export interface Font {
    readonly postscriptName: string;
    readonly unitsPerEm: number;
    getGlyph(glyphId: number): Glyph;
    glyphForCodePoint(codePoint: number): Glyph;
  }
  /** A collection (.ttc) needs the PostScript name of the face to open. */
  export function create(buffer: Buffer, postscriptName?: string): Font;
}

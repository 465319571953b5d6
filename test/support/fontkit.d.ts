// fontkit 2 ships no type declarations; the tests use this much of it.
declare module 'fontkit' {
  export interface Glyph {
    readonly path: { readonly commands: readonly unknown[]; toSVG(): string };
  }
  export interface Font {
    readonly postscriptName: string;
    getGlyph(glyphId: number): Glyph;
    glyphForCodePoint(codePoint: number): Glyph;
  }
  export function create(buffer: Buffer): Font;
}

// fontkit 2 ships no type declarations; the tests use this much of it.
declare module 'fontkit' {
  export interface Glyph {
    readonly path: { readonly commands: readonly unknown[] };
  }
  export interface Font {
    getGlyph(glyphId: number): Glyph;
  }
  export function create(buffer: Buffer): Font;
}

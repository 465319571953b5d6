import { inflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFRef } from 'pdf-lib';

export interface EmbeddedFontProgram {
  readonly baseFont: string;
  /** Glyph id in the embedded program → the character the ToUnicode map says it draws. */
  readonly characters: Map<number, string>;
  /** Whether the embedded program's outline for a glyph has any drawing commands. */
  hasOutline(glyphId: number): boolean;
}

function streamBytes(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(PDFName.of('Filter'));
  return filter === PDFName.of('FlateDecode') ? inflateSync(stream.contents) : stream.contents;
}

/**
 * Reads every Type 0 font's embedded TrueType program back out of a PDF and opens it with
 * fontkit, an independent parser, so a test sees what a viewer would draw.
 */
export async function embeddedFontPrograms(bytes: Uint8Array): Promise<EmbeddedFontProgram[]> {
  const document = await PDFDocument.load(bytes);
  const context = document.context;
  const programs: EmbeddedFontProgram[] = [];
  for (const [, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Subtype')) !== PDFName.of('Type0')) continue;
    const descendant = context.lookup((object.get(PDFName.of('DescendantFonts')) as PDFArray).get(0), PDFDict);
    const descriptor = context.lookup(descendant.get(PDFName.of('FontDescriptor')) as PDFRef, PDFDict);
    const program = context.lookup(descriptor.get(PDFName.of('FontFile2')) as PDFRef) as PDFRawStream;
    const toUnicode = context.lookup(object.get(PDFName.of('ToUnicode')) as PDFRef) as PDFRawStream;
    const cmap = Buffer.from(streamBytes(toUnicode)).toString('latin1');
    const characters = new Map<number, string>();
    for (const [, glyph, utf16] of cmap.matchAll(/<([0-9A-F]{4})> <([0-9A-F]+)>/g)) {
      const units = utf16!.match(/.{4}/g)!.map((unit) => parseInt(unit, 16));
      characters.set(parseInt(glyph!, 16), String.fromCharCode(...units));
    }
    const font = fontkit.create(Buffer.from(streamBytes(program)));
    programs.push({
      baseFont: String(object.get(PDFName.of('BaseFont'))).replace(/^\//, ''),
      characters,
      hasOutline: (glyphId) => font.getGlyph(glyphId).path.commands.length > 0,
    });
  }
  return programs;
}

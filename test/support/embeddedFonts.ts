import { inflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';
import { type PDFArray, PDFDict, PDFDocument, PDFName, type PDFRawStream, type PDFRef } from 'pdf-lib';

export interface EmbeddedFontProgram {
  readonly baseFont: string;
  /** Each character the ToUnicode map names → its glyph id in the embedded program (through CIDToGIDMap). */
  readonly glyphs: Map<string, number>;
  /** The embedded program's outline of a glyph, as an SVG path ('' when it has none). */
  outline(glyphId: number): string;
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
    const cidToGid = descendant.get(PDFName.of('CIDToGIDMap'));
    const gidMap =
      cidToGid === PDFName.of('Identity') ? undefined : streamBytes(context.lookup(cidToGid as PDFRef) as PDFRawStream);
    const glyphOf = (cid: number) => (gidMap ? (gidMap[2 * cid]! << 8) | gidMap[2 * cid + 1]! : cid);
    const glyphs = new Map<string, number>();
    for (const [, code, utf16] of cmap.matchAll(/<([0-9A-F]{4})> <([0-9A-F]+)>/g)) {
      const units = utf16!.match(/.{4}/g)!.map((unit) => parseInt(unit, 16));
      glyphs.set(String.fromCharCode(...units), glyphOf(parseInt(code!, 16)));
    }
    const font = fontkit.create(Buffer.from(streamBytes(program)));
    programs.push({
      baseFont: String(object.get(PDFName.of('BaseFont'))).replace(/^\//, ''),
      glyphs,
      outline: (glyphId) => font.getGlyph(glyphId).path.toSVG(),
    });
  }
  return programs;
}

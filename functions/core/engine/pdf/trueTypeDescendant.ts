import { deflateSync } from 'node:zlib';
import { FONT_PROGRAM_DEFLATE } from './fontProgramDeflate.js';
import { type PDFContext, PDFName, PDFString } from 'pdf-lib';
import { embedCidSet } from './cidSet.js';
import type { DescendantFont, DescendantFontInput } from './FontSubsetEmbedder.js';

/**
 * A CIDFontType2 holding the whole TrueType subset (FontFile2). Its CIDs are the character codes
 * (Identity-H), mapped to the subset's glyphs by a CIDToGIDMap.
 */
export function embedTrueTypeDescendant(context: PDFContext, input: DescendantFontInput): DescendantFont {
  const program = input.subset.bytes;
  const fontFile = context.register(
    context.stream(deflateSync(program, FONT_PROGRAM_DEFLATE), { Filter: 'FlateDecode', Length1: program.length }),
  );
  const cidSet = embedCidSet(
    context,
    input.characters.map(({ code }) => code),
  );
  const descriptor = context.register(context.obj({ ...input.descriptor, FontFile2: fontFile, CIDSet: cidSet }));
  const cidToGid = new Uint8Array(2 * (input.characters.length + 1));
  for (const { code, glyph } of input.characters) {
    cidToGid[2 * code] = glyph >> 8;
    cidToGid[2 * code + 1] = glyph & 0xff;
  }
  const cidToGidMap = context.register(context.stream(deflateSync(cidToGid), { Filter: 'FlateDecode' }));
  const ref = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: input.baseFont,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      DW: 1000,
      // Codes run 1, 2, 3… in order, so one run lists every width.
      W: [1, input.characters.map(({ width }) => width)],
      CIDToGIDMap: cidToGidMap,
    }),
  );
  return { ref, encoding: PDFName.of('Identity-H') };
}

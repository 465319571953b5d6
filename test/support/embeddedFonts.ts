import { inflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  type PDFObject,
  type PDFRawStream,
  type PDFRef,
} from 'pdf-lib';

export interface EmbeddedFontProgram {
  readonly baseFont: string;
  /** CIDFontType2 (TrueType outlines) or CIDFontType0 (CFF outlines). */
  readonly subtype: string;
  /** Each character the ToUnicode map names → its glyph id in the embedded program. */
  readonly glyphs: Map<string, number>;
  /** Each character → the advance the CIDFont's W array gives it, in thousandths of an em. */
  readonly widths: Map<string, number>;
  /** The embedded program's outline of a glyph, as an SVG path ('' when it has none). */
  outline(glyphId: number): string;
}

function streamBytes(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(PDFName.of('Filter'));
  return filter === PDFName.of('FlateDecode') ? inflateSync(stream.contents) : stream.contents;
}

/** A bare CFF program in a one-table OpenType wrapper, which is all fontkit needs to draw its glyphs. */
function openTypeAroundCff(cff: Uint8Array): Buffer {
  const header = Buffer.alloc(12 + 16);
  header.writeUInt32BE(0x4f54544f, 0); // 'OTTO'
  header.writeUInt16BE(1, 4);
  header.write('CFF ', 12, 'latin1');
  header.writeUInt32BE(header.length, 20);
  header.writeUInt32BE(cff.length, 24);
  return Buffer.concat([header, cff]);
}

/** Character code → CID, from an embedded CMap stream's cidchar and cidrange blocks. */
function embeddedCMap(text: string): (code: number) => number {
  const cids = new Map<number, number>();
  for (const [, block] of text.matchAll(/begincidchar([\s\S]*?)endcidchar/g)) {
    for (const [, code, cid] of block!.matchAll(/<([0-9A-Fa-f]+)>\s+(\d+)/g))
      cids.set(parseInt(code!, 16), Number(cid));
  }
  for (const [, block] of text.matchAll(/begincidrange([\s\S]*?)endcidrange/g)) {
    for (const [, low, high, cid] of block!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s+(\d+)/g)) {
      for (let code = parseInt(low!, 16); code <= parseInt(high!, 16); code++) {
        cids.set(code, Number(cid) + code - parseInt(low!, 16));
      }
    }
  }
  return (code) => cids.get(code) ?? 0;
}

/** CID → advance, from a CIDFont's W array (`c [w1 w2 …]` and `cFirst cLast w` runs) and DW. */
function widthsByCid(descendant: PDFDict, context: PDFDocument['context']): (cid: number) => number {
  const number = (object: PDFObject | undefined) => (object as PDFNumber).asNumber();
  const fallback =
    descendant.get(PDFName.of('DW')) instanceof PDFNumber ? number(descendant.get(PDFName.of('DW'))) : 1000;
  const widths = new Map<number, number>();
  const w = descendant.get(PDFName.of('W'));
  const items = w === undefined ? [] : context.lookup(w, PDFArray).asArray();
  for (let i = 0; i < items.length; ) {
    const first = number(items[i]);
    const next = items[i + 1];
    if (next instanceof PDFArray) {
      for (const [k, width] of next.asArray().entries()) widths.set(first + k, number(width));
      i += 2;
    } else {
      for (let cid = first; cid <= number(next); cid++) widths.set(cid, number(items[i + 2]));
      i += 3;
    }
  }
  return (cid) => widths.get(cid) ?? fallback;
}

interface FontkitCff {
  readonly topDict: {
    readonly ROS: unknown;
    readonly charset: { version: number; glyphs?: number[]; ranges?: { first: number; nLeft: number }[] };
  };
}

/** CID → glyph id in a CFF program: through the charset when CID-keyed, the CID itself otherwise. */
function cffGlyphOfCid(cff: FontkitCff): (cid: number) => number {
  if (!cff.topDict.ROS) return (cid) => cid;
  const { charset } = cff.topDict;
  const glyphOf = new Map<number, number>([[0, 0]]);
  if (charset.version === 0) {
    for (const [index, cid] of charset.glyphs!.entries()) glyphOf.set(cid, index + 1);
  } else {
    let glyph = 1;
    for (const range of charset.ranges!) {
      for (let k = 0; k <= range.nLeft; k++) glyphOf.set(range.first + k, glyph++);
    }
  }
  return (cid) => glyphOf.get(cid) ?? 0;
}

/**
 * Reads every Type 0 font's embedded program back out of a PDF — a TrueType one (FontFile2) or a
 * bare CFF one (FontFile3 /CIDFontType0C) — and opens it with fontkit, an independent parser, so
 * a test sees what a viewer would draw: code → CID through the Type 0 encoding, CID → glyph
 * through the CIDToGIDMap (TrueType) or the CFF charset.
 */
export async function embeddedFontPrograms(bytes: Uint8Array): Promise<EmbeddedFontProgram[]> {
  const document = await PDFDocument.load(bytes);
  const context = document.context;
  const programs: EmbeddedFontProgram[] = [];
  for (const [, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Subtype')) !== PDFName.of('Type0')) continue;
    const descendant = context.lookup((object.get(PDFName.of('DescendantFonts')) as PDFArray).get(0), PDFDict);
    const subtype = String(descendant.get(PDFName.of('Subtype'))).replace(/^\//, '');
    const descriptor = context.lookup(descendant.get(PDFName.of('FontDescriptor')) as PDFRef, PDFDict);
    const encoding = object.get(PDFName.of('Encoding'));
    const cidOfCode =
      encoding === PDFName.of('Identity-H')
        ? (code: number) => code
        : embeddedCMap(Buffer.from(streamBytes(context.lookup(encoding as PDFRef) as PDFRawStream)).toString('latin1'));

    let font: fontkit.Font;
    let glyphOfCid: (cid: number) => number;
    if (subtype === 'CIDFontType0') {
      const program = streamBytes(context.lookup(descriptor.get(PDFName.of('FontFile3')) as PDFRef) as PDFRawStream);
      font = fontkit.create(openTypeAroundCff(program));
      const cff = (font as unknown as Record<string, FontkitCff>)['CFF ']!;
      glyphOfCid = cffGlyphOfCid(cff);
    } else {
      const program = context.lookup(descriptor.get(PDFName.of('FontFile2')) as PDFRef) as PDFRawStream;
      font = fontkit.create(Buffer.from(streamBytes(program)));
      const cidToGid = descendant.get(PDFName.of('CIDToGIDMap'));
      const gidMap =
        cidToGid === PDFName.of('Identity')
          ? undefined
          : streamBytes(context.lookup(cidToGid as PDFRef) as PDFRawStream);
      glyphOfCid = (cid) => (gidMap ? (gidMap[2 * cid]! << 8) | gidMap[2 * cid + 1]! : cid);
    }

    const widthOfCid = widthsByCid(descendant, context);
    const toUnicode = context.lookup(object.get(PDFName.of('ToUnicode')) as PDFRef) as PDFRawStream;
    const cmap = Buffer.from(streamBytes(toUnicode)).toString('latin1');
    const glyphs = new Map<string, number>();
    const widths = new Map<string, number>();
    for (const [, code, utf16] of cmap.matchAll(/<([0-9A-F]{4})> <([0-9A-F]+)>/g)) {
      const units = utf16!.match(/.{4}/g)!.map((unit) => parseInt(unit, 16));
      const char = String.fromCharCode(...units);
      const cid = cidOfCode(parseInt(code!, 16));
      glyphs.set(char, glyphOfCid(cid));
      widths.set(char, widthOfCid(cid));
    }
    programs.push({
      baseFont: String(object.get(PDFName.of('BaseFont'))).replace(/^\//, ''),
      subtype,
      glyphs,
      widths,
      outline: (glyphId) => font.getGlyph(glyphId).path.toSVG(),
    });
  }
  return programs;
}

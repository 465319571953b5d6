import { deflateSync } from 'node:zlib';
import { FONT_PROGRAM_DEFLATE } from './fontProgramDeflate.js';
import { type PDFContext, PDFString } from 'pdf-lib';
import { CffTable, type CidSystemInfo } from '../fonts/CffTable.js';
import { FontConfigurationError } from '../../errors.js';
import { embedCidSet } from './cidSet.js';
import { codeToCidCMap } from './cmapPrograms.js';
import type { DescendantFont, DescendantFontInput } from './FontSubsetEmbedder.js';

const IDENTITY: CidSystemInfo = { registry: 'Adobe', ordering: 'Identity', supplement: 0 };

/** CIDs and their widths as W arrays them: each run of consecutive CIDs as `first [w w …]`. */
function widthRuns(widthByCid: ReadonlyMap<number, number>): (number | number[])[] {
  const runs: (number | number[])[] = [];
  let previous = Number.NaN;
  let run: number[] = [];
  for (const cid of [...widthByCid.keys()].sort((a, b) => a - b)) {
    if (cid !== previous + 1) {
      run = [];
      runs.push(cid, run);
    }
    run.push(widthByCid.get(cid)!);
    previous = cid;
  }
  return runs;
}

/**
 * A CIDFontType0 holding the subset's bare CFF table (FontFile3 /CIDFontType0C, PDF 1.3 and
 * PDF/A-1). The font program fixes each glyph's CID — through the charset of a CID-keyed CFF,
 * as the glyph id of a name-keyed one — so an embedded CMap maps each character's code to the
 * CID of its glyph, and W gives widths by CID.
 */
export function embedCffDescendant(context: PDFContext, input: DescendantFontInput): DescendantFont {
  const program = input.subset.tableBytes('CFF ');
  if (!program) throw new FontConfigurationError(`${input.subset.source}: hb-subset wrote no CFF table`);
  const cff = new CffTable(program, input.subset.source);
  const systemInfo = cff.systemInfo ?? IDENTITY;
  const characters = input.characters.map((character) => ({ ...character, cid: cff.cidOf(character.glyph) }));

  const fontFile = context.register(
    context.stream(deflateSync(program, FONT_PROGRAM_DEFLATE), { Filter: 'FlateDecode', Subtype: 'CIDFontType0C' }),
  );
  const cidSet = embedCidSet(
    context,
    characters.map(({ cid }) => cid),
  );
  const descriptor = context.register(context.obj({ ...input.descriptor, FontFile3: fontFile, CIDSet: cidSet }));
  // The CIDFont and its CMap name the same character collection, as PDF/A asks.
  const cidSystemInfo = {
    Registry: PDFString.of(systemInfo.registry),
    Ordering: PDFString.of(systemInfo.ordering),
    Supplement: systemInfo.supplement,
  };
  const ref = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType0',
      BaseFont: input.baseFont,
      CIDSystemInfo: cidSystemInfo,
      FontDescriptor: descriptor,
      DW: 1000,
      W: widthRuns(new Map(characters.map(({ cid, width }) => [cid, width]))),
    }),
  );
  const cmapName = `${input.baseFont}-H`;
  const cmap = Buffer.from(codeToCidCMap(cmapName, systemInfo, characters));
  const encoding = context.register(
    context.stream(deflateSync(cmap), {
      Filter: 'FlateDecode',
      Type: 'CMap',
      CMapName: cmapName,
      CIDSystemInfo: cidSystemInfo,
      WMode: 0,
    }),
  );
  return { ref, encoding };
}

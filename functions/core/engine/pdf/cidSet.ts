import { deflateSync } from 'node:zlib';
import type { PDFContext, PDFRef } from 'pdf-lib';

/**
 * A subset CIDFont's /CIDSet, which PDF/A-1 requires: one bit per CID, most significant bit first,
 * set for each CID the embedded program holds (CID 0, .notdef, always).
 */
export function embedCidSet(context: PDFContext, cids: Iterable<number>): PDFRef {
  const present = [0, ...cids];
  const bits = new Uint8Array(Math.floor(Math.max(...present) / 8) + 1);
  for (const cid of present) bits[cid >> 3]! |= 0x80 >> (cid & 7);
  return context.register(context.stream(deflateSync(bits), { Filter: 'FlateDecode' }));
}

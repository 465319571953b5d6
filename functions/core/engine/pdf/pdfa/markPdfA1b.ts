import { deflateSync } from 'node:zlib';
import { type PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { srgbProfile } from './srgbProfile.js';
import { type XmpFields, xmpMetadata } from './xmpMetadata.js';

let compressedProfile: Uint8Array | undefined;

/**
 * Makes a document PDF/A-1b apart from its content: the XMP metadata (in step
 * with the Info dictionary the caller writes from the same fields) and the sRGB OutputIntent that
 * gives the pages' DeviceRGB colours their meaning. The profile is read and compressed once per process.
 */
export function markPdfA1b(document: PDFDocument, fields: XmpFields): void {
  const { context, catalog } = document;

  // Left uncompressed, as PDF/A advises, so tools that do not parse PDF can still find it.
  const xmp = Buffer.from(xmpMetadata(fields), 'utf8');
  catalog.set(PDFName.of('Metadata'), context.register(context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' })));

  compressedProfile ??= deflateSync(srgbProfile());
  const profile = context.register(context.stream(compressedProfile, { Filter: 'FlateDecode', N: 3 }));
  const outputIntent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: profile,
  });
  catalog.set(PDFName.of('OutputIntents'), context.obj([outputIntent]));
}

const HEADER_14 = Buffer.from('%PDF-1.4', 'latin1');

/**
 * pdf-lib's writer always heads a file "%PDF-1.7"; a PDF/A-1 file is PDF 1.4 and uses nothing newer
 * (no object or cross-reference streams). Same length, so no offset moves.
 */
export function withPdf14Header(bytes: Uint8Array): Uint8Array {
  if (Buffer.from(bytes.subarray(0, 8)).toString('latin1') !== '%PDF-1.7')
    throw new Error('expected pdf-lib to write a "%PDF-1.7" header');
  bytes.set(HEADER_14, 0);
  return bytes;
}

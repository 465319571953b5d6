import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFHexString, PDFName, type PDFRef } from 'pdf-lib';
import type { FontSubset } from '../fonts/documentSubsets.js';
import type { LoadedFont } from '../fonts/FontRegistry.js';
import type { DocumentMetadata } from '../layout/LayoutModel.js';
import type { TypesetPage } from '../typeset/PageModel.js';
import type { DrawOp } from '../typeset/PageModel.js';
import { ContentStreamBuilder } from './ContentStreamBuilder.js';
import { embedFontSubset, type EmbeddedFont } from './FontSubsetEmbedder.js';
import { markPdfA1b, withPdf14Header } from './pdfa/markPdfA1b.js';

const CREATOR = 'wartime-awards-documents';
const PRODUCER = 'pdf-lib with HarfBuzz subsetting';

/**
 * The seal's ink first, then everything else: PDF/A-1 forbids the transparency (multiply, alpha)
 * that would let text show through ink printed over it, so the text is printed over the seal
 * instead, black on red, and stays readable. Order within each group is kept.
 */
const sealUnderText = (ops: readonly DrawOp[]): DrawOp[] => [
  ...ops.filter((op) => 'stamp' in op && op.stamp === true),
  ...ops.filter((op) => !('stamp' in op && op.stamp === true)),
];

export interface WrittenPdf {
  readonly bytes: Uint8Array;
  /** The pdf-lib document the bytes were saved from: a signature appended to them needs no parse. */
  readonly saved: PDFDocument;
}

/**
 * Stage "draw": writes typeset pages as a PDF with pdf-lib, embedding the document's font subsets;
 * metadata dates and the /ID come from the record, so the same input gives the same bytes.
 */
export async function writePdf(
  pages: readonly TypesetPage[],
  metadata: DocumentMetadata,
  subsets: ReadonlyMap<LoadedFont, FontSubset>,
): Promise<WrittenPdf> {
  const document = await PDFDocument.create({ updateMetadata: false });
  const context = document.context;

  const embedded = new Map<LoadedFont, { name: string; font: EmbeddedFont }>();
  [...subsets].forEach(([font, subset], index) => {
    embedded.set(font, { name: `F${index + 1}`, font: embedFontSubset(context, font, subset) });
  });

  const images = new Map<Uint8Array, { name: string; ref: PDFRef }>();
  for (const page of pages) {
    for (const op of page.ops) {
      if (op.type !== 'image' || images.has(op.bytes)) continue;
      const image = op.format === 'png' ? await document.embedPng(op.bytes) : await document.embedJpg(op.bytes);
      images.set(op.bytes, { name: `Im${images.size + 1}`, ref: image.ref });
    }
  }

  const contentHash = createHash('sha256').update(metadata.identity);
  for (const typeset of pages) {
    const page = document.addPage([typeset.width, typeset.height]);
    const builder = new ContentStreamBuilder(
      typeset.height,
      (op) => embedded.get(op.font as LoadedFont)!,
      (bytes) => images.get(bytes)!.name,
    );
    for (const op of sealUnderText(typeset.ops)) builder.add(op);
    const text = builder.toString();
    contentHash.update(text);
    const content = deflateSync(Buffer.from(text, 'latin1'));
    page.node.set(PDFName.of('Contents'), context.register(context.stream(content, { Filter: 'FlateDecode' })));
    for (const { name, font } of embedded.values()) page.node.setFontDictionary(PDFName.of(name), font.ref);
    for (const { name, ref } of images.values()) page.node.setXObject(PDFName.of(name), ref);
  }

  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  document.setAuthor(metadata.author);
  document.setSubject(metadata.subject);
  document.setKeywords([...metadata.keywords]);
  document.setCreator(CREATOR);
  document.setProducer(PRODUCER);
  document.setLanguage(metadata.language);
  document.setCreationDate(metadata.date);
  document.setModificationDate(metadata.date);
  markPdfA1b(document, { ...metadata, creatorTool: CREATOR, producer: PRODUCER });
  // The /ID hashes the document's identity and its pages' content: same record, same bytes.
  const id = contentHash.digest('hex').slice(0, 32);
  context.trailerInfo.ID = context.obj([PDFHexString.of(id), PDFHexString.of(id)]);

  // pdf-lib yields to the event loop every 50 objects by default (a setTimeout each time, ≥ 1 ms):
  // a server gains nothing from it for documents this small.
  const bytes = await document.save({
    useObjectStreams: false,
    addDefaultPage: false,
    updateFieldAppearances: false,
    objectsPerTick: Number.POSITIVE_INFINITY,
  });
  return { bytes: withPdf14Header(bytes), saved: document };
}

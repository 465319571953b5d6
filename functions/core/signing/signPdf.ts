import { createHash } from 'node:crypto';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRef,
  PDFString,
} from 'pdf-lib';
import type { PageRect } from '../engine/DocumentEngine.js';
import { pdfNumber } from '../engine/pdf/pdfNumber.js';
import { cmsSignedData } from './cmsSignedData.js';
import type { DocumentSigner } from './DocumentSigner.js';

/** Room kept for the CMS signature: a certificate chain of a few certificates fits with margin. */
const SIGNATURE_BYTES = 8192;
/** Wide enough for any offset in a document under 10 GB. */
const BYTE_RANGE_WIDTH = '/ByteRange [0 0000000000 0000000000 0000000000]'.length;

/** A finished PDF to sign: its bytes, and what its writer knows of them (a rendered PDF is one). */
export interface SignablePdf {
  readonly bytes: Uint8Array;
  /** Where the seal is printed: the signature's field lies over it (invisible without). */
  readonly seal?: PageRect | undefined;
  /** The pdf-lib document the bytes were saved from, if at hand: spares parsing them again. */
  readonly saved?: PDFDocument | undefined;
}

export class SigningError extends Error {
  override readonly name = 'SigningError';
}

function lastStartXref(bytes: Uint8Array): number {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!match) throw new SigningError('PDF: no startxref at the end of the file');
  return Number(match[1]);
}

const objectText = (ref: PDFRef, body: string) => `${ref.objectNumber} ${ref.generationNumber} obj\n${body}\nendobj\n`;

/** The xref subsections of an incremental update: one per run of consecutive object numbers. */
function crossReference(offsets: ReadonlyMap<PDFRef, number>): string {
  const entries = [...offsets].sort(([a], [b]) => a.objectNumber - b.objectNumber);
  let text = 'xref\n';
  for (let start = 0; start < entries.length; ) {
    let end = start + 1;
    while (end < entries.length && entries[end]![0].objectNumber === entries[end - 1]![0].objectNumber + 1) end++;
    text += `${entries[start]![0].objectNumber} ${end - start}\n`;
    for (const [ref, offset] of entries.slice(start, end)) {
      text += `${String(offset).padStart(10, '0')} ${String(ref.generationNumber).padStart(5, '0')} n\r\n`;
    }
    start = end;
  }
  return text;
}

/**
 * Signs a finished PDF with a PAdES baseline B-B signature, appended as an incremental update so
 * the document's own bytes (and its PDF/A metadata) stay as they were: a locked signature field
 * named after the issuing authority (the document's /Author), whose /V holds a detached CAdES
 * signature over the whole file but the signature itself. The signing time /M is the document's
 * /CreationDate — the record's approval time — so the same document and key give the same bytes.
 *
 * Given the seal's box, the field lies over the printed seal, which is its appearance: the field
 * draws nothing itself (the seal is printed under the text, which PDF/A-1 needs without
 * transparency; an annotation would print over it). Without one, the field is invisible.
 */
export async function signPdf(pdf: SignablePdf, signer: DocumentSigner): Promise<Uint8Array> {
  const { bytes, seal } = pdf;
  const document = pdf.saved ?? (await PDFDocument.load(bytes, { updateMetadata: false }));
  const context = document.context;
  const rootRef = context.trailerInfo.Root;
  if (!(rootRef instanceof PDFRef)) throw new SigningError('PDF: the trailer names no catalog');
  const catalog = context.lookup(rootRef, PDFDict);
  if (catalog.has(PDFName.of('AcroForm'))) throw new SigningError('PDF: already has a form or a signature');
  const page = document.getPages()[seal?.pageIndex ?? 0];
  if (page === undefined)
    throw new SigningError(`PDF: no page ${(seal?.pageIndex ?? 0) + 1} to carry the signature field`);
  const info =
    context.trailerInfo.Info instanceof PDFRef ? context.lookup(context.trailerInfo.Info, PDFDict) : undefined;
  const signingTime = info?.get(PDFName.of('CreationDate'));
  if (!(signingTime instanceof PDFString || signingTime instanceof PDFHexString))
    throw new SigningError('PDF: no /CreationDate to sign at');
  const authority = document.getAuthor();
  if (!authority) throw new SigningError('PDF: no /Author (the issuing authority) to name the signature');

  const next = context.largestObjectNumber + 1;
  const signatureRef = PDFRef.of(next);
  const widgetRef = PDFRef.of(next + 1);
  const appearanceRef = PDFRef.of(next + 2);
  const authorityText = PDFHexString.fromText(authority).toString();

  const updatedCatalog = catalog.clone(context);
  updatedCatalog.set(PDFName.of('AcroForm'), context.obj({ Fields: [widgetRef], SigFlags: 3 }));
  const updatedPage = page.node.clone(context);
  const annotations = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  updatedPage.set(PDFName.of('Annots'), context.obj([...(annotations?.asArray() ?? []), widgetRef] as PDFObject[]));

  const [left, bottom, right, top] = (seal?.rect ?? [0, 0, 0, 0]).map(pdfNumber);
  const [width, height] = seal ? [seal.rect[2] - seal.rect[0], seal.rect[3] - seal.rect[1]].map(pdfNumber) : [0, 0];
  const contentsPlaceholder = `<${'0'.repeat(SIGNATURE_BYTES * 2)}>`;
  const objects: [PDFRef, string][] = [
    [
      signatureRef,
      `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /Name ${authorityText} ` +
        `/M ${signingTime.toString()} ${' '.repeat(BYTE_RANGE_WIDTH)} /Contents ${contentsPlaceholder} >>`,
    ],
    [
      widgetRef,
      `<< /Type /Annot /Subtype /Widget /FT /Sig /T ${authorityText} /V ${signatureRef} /F 132 ` +
        `/Rect [${left} ${bottom} ${right} ${top}] /P ${page.ref} /AP << /N ${appearanceRef} >> >>`,
    ],
    [
      appearanceRef,
      `<< /Type /XObject /Subtype /Form /BBox [0 0 ${width} ${height}] /Length 0 >>\nstream\n\nendstream`,
    ],
    [rootRef, updatedCatalog.toString()],
    [page.ref, updatedPage.toString()],
  ];

  let update = '\n';
  const offsets = new Map<PDFRef, number>();
  for (const [ref, body] of objects) {
    offsets.set(ref, bytes.length + update.length);
    update += objectText(ref, body);
  }
  const xrefOffset = bytes.length + update.length;
  const trailer = context.obj({
    Size: PDFNumber.of(next + 3),
    Root: rootRef,
    ...(context.trailerInfo.Info ? { Info: context.trailerInfo.Info } : {}),
    ...(context.trailerInfo.ID ? { ID: context.trailerInfo.ID } : {}),
    Prev: PDFNumber.of(lastStartXref(bytes)),
  });
  update += `${crossReference(offsets)}trailer\n${trailer.toString()}\nstartxref\n${xrefOffset}\n%%EOF\n`;

  const signed = Buffer.concat([bytes, Buffer.from(update, 'latin1')]);
  const contentsStart = bytes.length + update.indexOf(contentsPlaceholder);
  const contentsEnd = contentsStart + contentsPlaceholder.length;
  const byteRange = `/ByteRange [0 ${contentsStart} ${contentsEnd} ${signed.length - contentsEnd}]`;
  signed.write(
    byteRange.padEnd(BYTE_RANGE_WIDTH, ' '),
    contentsStart - BYTE_RANGE_WIDTH - ' /Contents '.length,
    'latin1',
  );

  const digest = createHash('sha256')
    .update(signed.subarray(0, contentsStart))
    .update(signed.subarray(contentsEnd))
    .digest();
  const cms = await cmsSignedData(digest, signer);
  if (cms.length > SIGNATURE_BYTES)
    throw new SigningError(`signature: ${cms.length} bytes, more than the ${SIGNATURE_BYTES} kept for it`);
  signed.write(Buffer.from(cms).toString('hex').toUpperCase(), contentsStart + 1, 'latin1');
  return signed;
}

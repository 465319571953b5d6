import { execFileSync } from 'node:child_process';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderRecordDocuments } from '../../../functions/core/documents/renderRecordDocuments.js';
import { statisticsBulletinView } from '../../../functions/core/documents/statisticsBulletinView.js';
import { DocumentEngine } from '../../../functions/core/engine/DocumentEngine.js';
import { validateRecord } from '../../../functions/core/records/index.js';
import { type SignablePdf, signPdf } from '../../../functions/core/signing/signPdf.js';
import { compileFigures } from '../../../functions/core/statistics/compileFigures.js';
import { testSigner } from '../../support/developmentSignerForTests.js';
import { EXAMPLE_OF_KIND, exampleJson, exampleRecord } from '../../support/examples.js';
import { pdfPageRgb, type RgbImage, toTempFile } from '../../support/poppler.js';

const engine = DocumentEngine.shared();
const AUTHORITY = '测试签发机关';
const signer = testSigner(AUTHORITY);

const EXAMPLES = EXAMPLE_OF_KIND;

/** A commendation order long enough that its signature and seal fall on a later page. */
function longOrder() {
  const order = exampleJson('commendation-order-2020-12') as { awardees: object[] };
  const awardees = Array.from({ length: 12 }, () => order.awardees).flat();
  return validateRecord({ ...order, awardees });
}

async function unsignedDocuments(): Promise<Record<string, SignablePdf & { readonly pages: number }>> {
  const documents: Record<string, SignablePdf & { readonly pages: number }> = {};
  for (const [kind, example] of Object.entries(EXAMPLES)) {
    const [first] = await renderRecordDocuments(exampleRecord(example), engine);
    documents[kind] = first!;
  }
  documents['long order'] = (await renderRecordDocuments(longOrder(), engine))[0]!;
  const figures = compileFigures(
    ['merit-zhang-peng', 'commendation-order-2020-12'].map((name) => validateRecord(exampleJson(name))),
    '2020-03-05T00:00:00Z',
  );
  const view = statisticsBulletinView(figures, { name: '内蒙古自治区公安厅' }, '内公奖〔2020〕9999号');
  documents['statistics-bulletin'] = await engine.render('statistics-bulletin', view);
  return documents;
}

/** The signature field's widget as a reader finds it: its page, /Rect and flags. */
async function signatureWidget(bytes: Uint8Array) {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  const form = document.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
  const widgetRef = form.lookup(PDFName.of('Fields'), PDFArray).get(0);
  const widget = document.context.lookup(widgetRef, PDFDict);
  const pages = document.getPages();
  const pageIndex = pages.findIndex((page) => page.ref === widget.get(PDFName.of('P')));
  const annotations = pages[pageIndex]?.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? [];
  return {
    pageIndex,
    rect: widget
      .lookup(PDFName.of('Rect'), PDFArray)
      .asArray()
      .map((n) => (n as PDFNumber).asNumber()),
    flags: widget.lookup(PDFName.of('F'), PDFNumber).asNumber(),
    onPageAnnotations: annotations.includes(widgetRef),
  };
}

/** The seal's red (and not the black of text printed over it, nor white paper). */
function isRed(image: RgbImage, x: number, y: number): boolean {
  const at = (Math.round(y) * image.width + Math.round(x)) * 3;
  const [red, green, blue] = [image.pixels[at]!, image.pixels[at + 1]!, image.pixels[at + 2]!];
  return red > 150 && green < 120 && blue < 120;
}

const pdfsig = (bytes: Uint8Array) => execFileSync('pdfsig', [toTempFile(bytes)], { encoding: 'utf8' });

describe('signPdf with the development key', () => {
  let rendered: Record<string, SignablePdf & { readonly pages: number }>;
  let unsigned: Record<string, Uint8Array>;
  beforeAll(async () => {
    rendered = await unsignedDocuments();
    unsigned = Object.fromEntries(Object.entries(rendered).map(([kind, { bytes }]) => [kind, bytes]));
  });

  it.each([...Object.keys(EXAMPLES), 'long order', 'statistics-bulletin'])(
    '%s: pdfsig finds one valid signature over the whole document, by the development certificate',
    async (kind) => {
      const signed = await signPdf(rendered[kind]!, signer);
      const report = pdfsig(signed);
      expect(report.match(/Signature #/g)).toHaveLength(1);
      expect(report).toContain('Signature Validation: Signature is Valid.');
      expect(report).toContain('Total document signed');
      expect(report).toContain('Signature Type: ETSI.CAdES.detached');
      expect(report).toContain('Signing Hash Algorithm: SHA-256');
      expect(report).toContain(`Signer Certificate Common Name: ${AUTHORITY}`);
      expect(report).toContain(`Signer full Distinguished Name: CN=${AUTHORITY},O=开发用签名证书（非正式）`);
      // Self-signed for development: no one vouches for its issuer.
      expect(report).toMatch(/Certificate Validation: Certificate issuer is unknown/);
      // The original bytes stay as they were: the signature is an incremental update after them.
      expect(Buffer.from(signed.subarray(0, unsigned[kind]!.length)).equals(Buffer.from(unsigned[kind]!))).toBe(true);
    },
  );

  it.each([...Object.keys(EXAMPLES), 'long order', 'statistics-bulletin'])(
    '%s: the signature field lies over the printed seal, on the seal’s page, printable and locked',
    async (kind) => {
      const signed = await signPdf(rendered[kind]!, signer);
      const widget = await signatureWidget(signed);
      if (kind === 'long order') {
        expect(rendered[kind]!.pages).toBeGreaterThan(1);
        expect(widget.pageIndex).toBe(rendered[kind]!.pages - 1);
      }
      expect(widget.onPageAnnotations).toBe(true);
      expect(widget.flags).toBe(4 + 128);
      // In the page's raster (one pixel a point), the rim runs just inside the field's edge, and
      // nothing red lies 2 mm outside it: the field is the seal's square, not merely near it.
      const page = pdfPageRgb(signed, 72, widget.pageIndex + 1);
      const [left, bottom, right, top] = widget.rect as [number, number, number, number];
      const radius = (right - left) / 2;
      expect(top - bottom).toBeCloseTo(right - left, 2);
      const centre = { x: (left + right) / 2, y: page.height - (top + bottom) / 2 };
      const redOnCircle = (r: number) =>
        Array.from({ length: 16 }, (_, k) => (k * Math.PI) / 8).filter((angle) =>
          isRed(page, centre.x + r * Math.cos(angle), centre.y + r * Math.sin(angle)),
        ).length;
      expect(redOnCircle(radius - 1.5)).toBeGreaterThanOrEqual(12);
      expect(redOnCircle(radius + 2 * (72 / 25.4))).toBe(0);
    },
  );

  it('without the seal’s box, the field is invisible on the first page', async () => {
    const widget = await signatureWidget(await signPdf({ bytes: unsigned.telegram! }, signer));
    expect(widget).toMatchObject({ pageIndex: 0, rect: [0, 0, 0, 0], onPageAnnotations: true });
  });

  it('names the field after the issuing authority and signs at the record time', async () => {
    const report = pdfsig(await signPdf({ bytes: unsigned.certificate! }, signer));
    const authority = exampleRecord(EXAMPLES.certificate).authority.name;
    expect(report).toContain(`Signature Field Name: ${authority}`);
    expect(report).toMatch(/Signing Time: \w+ \d\d \d{4} \d\d:\d\d:\d\d/);
    const creation = Buffer.from(unsigned.certificate!)
      .toString('latin1')
      .match(/\/CreationDate \((D:[^)]*)\)/)![1]!;
    expect(Buffer.from(await signPdf({ bytes: unsigned.certificate! }, signer)).toString('latin1')).toContain(
      `/M (${creation})`,
    );
  });

  it('signs the document its writer just saved as it signs the same file read back', async () => {
    const bulletin = rendered['statistics-bulletin']!;
    expect(bulletin.saved).toBeDefined();
    const fromSaved = await signPdf(bulletin, signer);
    const fromFile = await signPdf({ bytes: bulletin.bytes, seal: bulletin.seal }, signer);
    expect(Buffer.from(fromSaved).equals(Buffer.from(fromFile))).toBe(true);
    // Signing leaves the saved document as it was: a second signature over it is the same again.
    expect(Buffer.from(await signPdf(bulletin, signer)).equals(Buffer.from(fromSaved))).toBe(true);
  });

  it('gives byte-identical output for the same document and key', async () => {
    const [first, second] = await Promise.all([
      signPdf({ bytes: unsigned.telegram! }, signer),
      signPdf({ bytes: unsigned.telegram! }, signer),
    ]);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it('a changed byte inside the signed range breaks the signature', async () => {
    const signed = Buffer.from(await signPdf({ bytes: unsigned.certificate! }, signer));
    const index = signed.indexOf('/Producer');
    signed.write('/Producex', index, 'latin1');
    expect(pdfsig(signed)).not.toContain('Signature is Valid');
  });

  it('refuses a document already signed', async () => {
    const signed = await signPdf({ bytes: unsigned.certificate! }, signer);
    await expect(signPdf({ bytes: signed }, signer)).rejects.toThrow(/already has a form or a signature/);
  });
});

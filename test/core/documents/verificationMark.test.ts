import { beforeAll, describe, expect, it } from 'vitest';
import { plannedDocuments } from '../../../functions/core/documents/DocumentKind.js';
import { renderRecordDocuments } from '../../../functions/core/documents/renderRecordDocuments.js';
import { statisticsBulletinView } from '../../../functions/core/documents/statisticsBulletinView.js';
import { DocumentEngine } from '../../../functions/core/engine/DocumentEngine.js';
import { POINTS_PER_MM } from '../../../functions/core/engine/layout/units.js';
import type { DrawOp, TypesetPage } from '../../../functions/core/engine/typeset/PageModel.js';
import { typesetDocument } from '../../../functions/core/engine/typeset/typesetDocument.js';
import { validateRecord } from '../../../functions/core/records/index.js';
import { compileFigures } from '../../../functions/core/statistics/compileFigures.js';
import type { MarkDocument, VerificationMark } from '../../../functions/core/verification/VerificationMark.js';
import { EXAMPLE_OF_KIND, exampleJson, exampleRecord } from '../../support/examples.js';
import { pdfText } from '../../support/poppler.js';
import { blackRectangles, decodeQrCodes, extentOf } from '../../support/qrCodes.js';

const engine = DocumentEngine.shared();
const CODE = 'ABCD2EFGH3JKLM4NPQRS';
const URL = `http://127.0.0.1:3000/verify/${CODE}`;
const MARK: MarkDocument = () => ({ code: CODE, url: URL });
const mm = (points: number) => points / POINTS_PER_MM;

const EXAMPLES = EXAMPLE_OF_KIND;

const bulletinFigures = () =>
  compileFigures(
    ['merit-zhang-peng', 'commendation-order-2020-12'].map((name) => validateRecord(exampleJson(name))),
    '2020-03-05T00:00:00Z',
  );
const bulletinView = (verification?: VerificationMark) =>
  statisticsBulletinView(bulletinFigures(), { name: '内蒙古自治区公安厅' }, '内公奖〔2020〕9999号', verification);

/** Every kind's first document, rendered with and without the mark. */
async function renderAll(mark?: MarkDocument): Promise<Record<string, Uint8Array>> {
  const rendered: Record<string, Uint8Array> = {};
  for (const [kind, name] of Object.entries(EXAMPLES)) {
    const [document] = await renderRecordDocuments(exampleRecord(name), engine, mark);
    expect(document!.kind).toBe(kind);
    rendered[kind] = document!.bytes;
  }
  // The statistics bulletin is no record's document: its view takes the mark itself.
  const bulletin = await engine.render(
    'statistics-bulletin',
    bulletinView(mark ? { code: CODE, url: URL } : undefined),
  );
  rendered['statistics-bulletin'] = bulletin.bytes;
  return rendered;
}

/** A document's pages as the typesetter gives them, with or without the mark. */
function typesetPages(kind: string, verification: VerificationMark | undefined): TypesetPage[] {
  if (kind === 'statistics-bulletin')
    return typesetDocument(engine.templates.render(kind, bulletinView(verification)), engine.fonts);
  const [plan] = plannedDocuments(exampleRecord(EXAMPLES[kind as keyof typeof EXAMPLES]));
  return typesetDocument(engine.templates.render(kind, { ...plan!.view(), verification }), engine.fonts);
}

/** The code's own operations: its modules, and its caption. */
const isMarkOp = (op: DrawOp) =>
  op.type === 'rects' ||
  (op.type === 'text' && op.glyphs.map((g) => String.fromCodePoint(g.codePoint)).join('') === CODE);

/** An operation with its font named by its file: comparable, and printable when it differs. */
const comparable = (op: DrawOp) => ('font' in op ? { ...op, font: op.font.key } : op);

const KINDS = [...Object.keys(EXAMPLES), 'statistics-bulletin'];

describe('the verification mark on every document kind', () => {
  let marked: Record<string, Uint8Array>;
  let plain: Record<string, Uint8Array>;
  const decoded: Record<string, string[]> = {};
  beforeAll(async () => {
    [marked, plain] = await Promise.all([renderAll(MARK), renderAll()]);
    // Rasterising A4 at 300 dpi and scanning it takes a second or two: all kinds at once.
    await Promise.all(KINDS.map(async (kind) => (decoded[kind] = await decodeQrCodes(marked[kind]!))));
  }, 60_000);

  for (const kind of KINDS) {
    it(`${kind}: a reader scanning the printed first page gets the URL, and the code is there as text`, () => {
      expect(decoded[kind]).toEqual([URL]);
      const text = pdfText(marked[kind]!);
      expect(text).toContain(CODE);
      // Only on the first page: a later page carries none.
      expect(text.split('\f').slice(1).join('')).not.toContain(CODE);
    });

    it(`${kind}: without a mark, no code at all`, async () => {
      expect(pdfText(plain[kind]!)).not.toContain(CODE);
      expect((await blackRectangles(plain[kind]!)).flat()).toEqual([]);
    });
  }

  it('gives the same bytes for the same record and mark', async () => {
    const again = await renderAll(MARK);
    for (const kind of KINDS) expect(Buffer.from(again[kind]!).equals(Buffer.from(marked[kind]!)), kind).toBe(true);
  }, 60_000);

  for (const kind of ['certificate', 'commendation-order', 'praise-bulletin', 'statistics-bulletin']) {
    it(`${kind}: the mark moves nothing else on the page — the same pages, plus the code`, () => {
      const withMark = typesetPages(kind, { code: CODE, url: URL });
      const without = typesetPages(kind, undefined);
      expect(withMark).toHaveLength(without.length);
      withMark.forEach((page, index) => {
        expect(page.ops.filter((op) => !isMarkOp(op)).map(comparable)).toEqual(without[index]!.ops.map(comparable));
      });
      expect(withMark[0]!.ops.filter(isMarkOp)).toHaveLength(2);
    });
  }

  for (const kind of ['commendation-order', 'praise-bulletin', 'statistics-bulletin', 'telegram']) {
    it(`${kind}: the code's modules start at the text area's top left corner (28 mm, 37 mm)`, async () => {
      const [first] = await blackRectangles(marked[kind]!);
      const extent = extentOf(first!);
      expect(mm(extent.left)).toBeCloseTo(28, 1);
      expect(mm(extent.top)).toBeCloseTo(37, 1);
      expect(mm(extent.right - extent.left)).toBeCloseTo(20, 1);
    });
  }

  it('certificate: the code sits in the lower left inside the frame, left of the text and below it', async () => {
    const [first] = await blackRectangles(marked.certificate!);
    const extent = extentOf(first!);
    const module = Math.min(...first!.map((r) => r.bottom - r.top));
    const innerFrame = 9 + 7 / POINTS_PER_MM;
    // The quiet zone of 4 modules inside the inner frame, and left of the body area (40 mm margin).
    expect(mm(extent.left - 4 * module)).toBeGreaterThan(innerFrame);
    expect(mm(extent.right + 4 * module)).toBeLessThan(40);
    expect(mm(extent.bottom + 4 * module)).toBeLessThan(210 - innerFrame);
    expect(mm(extent.top)).toBeGreaterThan(210 / 2);
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderRecordDocuments } from '../../../functions/core/documents/renderRecordDocuments.js';
import { statisticsBulletinView } from '../../../functions/core/documents/statisticsBulletinView.js';
import { DocumentEngine } from '../../../functions/core/engine/DocumentEngine.js';
import { validateRecord } from '../../../functions/core/records/index.js';
import { compileFigures } from '../../../functions/core/statistics/compileFigures.js';
import { signPdf } from '../../../functions/core/signing/signPdf.js';
import type { DocumentSigner } from '../../../functions/core/signing/DocumentSigner.js';
import type { MarkDocument } from '../../../functions/core/verification/VerificationMark.js';
import { testSigner } from '../../support/developmentSignerForTests.js';
import { exampleJson, exampleRecord } from '../../support/examples.js';
import { preflightA1b, preflightAvailable } from '../../support/pdfaPreflight.js';
import { toTempFile } from '../../support/poppler.js';

const engine = DocumentEngine.shared();
const CODE = 'ABCD2EFGH3JKLM4NPQRS';
const URL = `http://127.0.0.1:3000/verify/${CODE}`;
const MARK: MarkDocument = () => ({ code: CODE, url: URL });

/** Every document of one example record of each kind, and the statistics bulletin. */
const EXAMPLES = [
  'merit-zhang-peng',
  'commendation-order-2020-12',
  'praise-bulletin-2020-18',
  'telegram-condolence-he-jianhua',
];

async function renderAll(mark?: MarkDocument, signer?: DocumentSigner): Promise<Record<string, Uint8Array>> {
  const rendered: Record<string, Uint8Array> = {};
  for (const name of EXAMPLES) {
    for (const document of await renderRecordDocuments(exampleRecord(name), engine, mark, signer))
      rendered[`${name} ${document.kind}`] = document.bytes;
  }
  const figures = compileFigures(
    ['merit-zhang-peng', 'commendation-order-2020-12'].map((name) => validateRecord(exampleJson(name))),
    '2020-03-05T00:00:00Z',
  );
  const view = statisticsBulletinView(
    figures,
    { name: '内蒙古自治区公安厅' },
    '内公奖〔2020〕9999号',
    mark ? { code: CODE, url: URL } : undefined,
  );
  const bulletin = await engine.render('statistics-bulletin', view);
  rendered['statistics-bulletin'] = signer ? await signPdf(bulletin, signer) : bulletin.bytes;
  return rendered;
}

/** The XMP packet, which the writer leaves uncompressed. */
const xmpOf = (bytes: Uint8Array) => {
  const text = Buffer.from(bytes).toString('latin1');
  const start = text.indexOf('<?xpacket begin');
  const end = text.indexOf('<?xpacket end="w"?>');
  expect(start).toBeGreaterThan(0);
  return Buffer.from(text.slice(start, end + '<?xpacket end="w"?>'.length), 'latin1').toString('utf8');
};

const hasTool = (tool: string) => spawnSync(tool, ['--version']).status === 0;

describe('PDF/A-1b on every document kind', () => {
  const documents: Record<string, Uint8Array> = {};
  beforeAll(async () => {
    const [plain, marked] = await Promise.all([renderAll(), renderAll(MARK)]);
    for (const [name, bytes] of Object.entries(plain)) documents[`${name}, unmarked`] = bytes;
    for (const [name, bytes] of Object.entries(marked)) documents[`${name}, marked`] = bytes;
  });

  it('covers the five kinds, with and without a verification mark', () => {
    const names = Object.keys(documents).filter((name) => !name.startsWith('statistics-bulletin'));
    const kinds = new Set(names.map((name) => name.split(/[ ,]/)[1]));
    expect([...kinds].sort()).toEqual(['certificate', 'commendation-order', 'praise-bulletin', 'telegram']);
    expect(Object.keys(documents).filter((name) => name.startsWith('statistics-bulletin'))).toHaveLength(2);
  });

  it.runIf(preflightAvailable)(
    'passes Apache PDFBox Preflight’s PDF/A-1b validation',
    async () => {
      const results = await Promise.all(
        Object.entries(documents).map(async ([name, bytes]) => [name, (await preflightA1b(bytes)).errors] as const),
      );
      expect(Object.fromEntries(results)).toEqual(Object.fromEntries(results.map(([name]) => [name, []])));
      expect((await preflightA1b(documents['merit-zhang-peng certificate, marked']!)).valid).toBe(true);
      // The validator does find faults: a plain pdf-lib document has no OutputIntent and no XMP.
      const plain = await PDFDocument.create();
      plain.addPage();
      const verdict = await preflightA1b(await plain.save());
      expect(verdict.valid).toBe(false);
      expect(verdict.errors.length).toBeGreaterThan(0);
    },
    120_000,
  );

  it.runIf(hasTool('qpdf'))('is a structurally sound PDF 1.4 file by qpdf --check', () => {
    for (const [name, bytes] of Object.entries(documents)) {
      expect(Buffer.from(bytes.subarray(0, 9)).toString('latin1'), name).toBe('%PDF-1.4\n');
      const check = spawnSync('qpdf', ['--check', toTempFile(bytes)], { encoding: 'utf8' });
      expect(check.status, `${name}: ${check.stdout}${check.stderr}`).toBe(0);
      expect(check.stdout).toContain('No syntax or stream encoding errors found');
    }
  });

  it.runIf(hasTool('xmllint'))('carries well-formed XMP that says PDF/A-1b and repeats the Info dictionary', () => {
    const bytes = documents['merit-zhang-peng certificate, unmarked']!;
    const xmp = xmpOf(bytes);
    execFileSync('xmllint', ['--noout', toTempFile(Buffer.from(xmp), 'xmp.xml')]);
    expect(xmp).toContain('<pdfaid:part>1</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    const info = execFileSync('pdfinfo', ['-isodates', toTempFile(bytes)], { encoding: 'utf8' });
    const field = (label: string) => info.match(new RegExp(`^${label}:\\s+(.*)$`, 'm'))![1]!;
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${field('Title')}</rdf:li>`);
    expect(xmp).toContain(`<dc:creator><rdf:Seq><rdf:li>${field('Author')}</rdf:li></rdf:Seq></dc:creator>`);
    expect(field('Author')).toBe('呼伦贝尔市海拉尔区公安分局');
    expect(xmp).toContain(`<xmp:CreateDate>${field('CreationDate')}</xmp:CreateDate>`);
    expect(xmp).toContain(`<xmp:ModifyDate>${field('ModDate')}</xmp:ModifyDate>`);
    expect(xmp).toContain(`<pdf:Producer>${field('Producer')}</pdf:Producer>`);
  });

  it('embeds the sRGB OutputIntent and uses no transparency', () => {
    for (const [name, bytes] of Object.entries(documents)) {
      const text = Buffer.from(bytes).toString('latin1');
      expect(text, name).toMatch(/\/S \/GTS_PDFA1/);
      expect(text, name).toMatch(/\/DestOutputProfile \d+ 0 R/);
      expect(text, name).not.toMatch(/\/(BM|ca|CA|SMask) /);
      expect(text.match(/\/CIDSet \d+ 0 R/g)?.length, name).toBe(text.match(/\/FontFile[23] /g)?.length);
    }
  });

  it('gives the same bytes for the same record, and an /ID that changes with the content', async () => {
    const again = await renderAll(MARK);
    for (const [name, bytes] of Object.entries(again))
      expect(Buffer.compare(Buffer.from(bytes), Buffer.from(documents[`${name}, marked`]!)), name).toBe(0);
    const id = (bytes: Uint8Array) =>
      Buffer.from(bytes)
        .toString('latin1')
        .match(/\/ID \[ <([0-9A-F]+)>/i)![1];
    const name = 'merit-zhang-peng certificate';
    expect(id(documents[`${name}, marked`]!)).not.toBe(id(documents[`${name}, unmarked`]!));
  });
});

describe('PDF/A-1b once signed (issue 15: the signature comes after the PDF/A metadata)', () => {
  it('keeps every document kind valid PDF/A-1b with a valid signature over the whole document', async () => {
    expect(preflightAvailable, 'PDFBox Preflight jars (libpdfbox2-java…) are installed by .ci/run').toBe(true);
    // Signed as the pipeline signs: the signature's field lies over the seal.
    const signed = Object.entries(await renderAll(MARK, testSigner()));
    expect(signed).toHaveLength(EXAMPLES.length + 1);
    const results = await Promise.all(signed.map(async ([name, bytes]) => [name, await preflightA1b(bytes)] as const));
    for (const [name, result] of results) expect(result.errors, name).toEqual([]);
    for (const [name, result] of results) expect(result.valid, name).toBe(true);
    for (const [name, bytes] of signed) {
      const report = spawnSync('pdfsig', [toTempFile(bytes)], { encoding: 'utf8' }).stdout;
      expect(report, name).toContain('Signature is Valid.');
      expect(report, name).toContain('Total document signed');
    }
  }, 180_000);
});

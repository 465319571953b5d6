import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleCertificateFields, varyFields, type CertificateFields } from '../../bench/peers/CertificateFields.js';
import { PdfmakeCertificateRenderer } from '../../bench/peers/PdfmakeCertificateRenderer.js';
import { TypstCertificateRenderer } from '../../bench/peers/TypstCertificateRenderer.js';

interface Renderer {
  render(fields: CertificateFields): Promise<Uint8Array>;
}

const PDFTOTEXT = '/usr/bin/pdftotext';
let workDir = '';

/** Extracted text with all whitespace removed (layout may split or space out CJK runs). */
async function extractText(pdf: Uint8Array): Promise<string> {
  let text: string;
  if (existsSync(PDFTOTEXT)) {
    const file = join(workDir, `doc-${Math.random().toString(36).slice(2)}.pdf`);
    await writeFile(file, pdf);
    text = execFileSync(PDFTOTEXT, ['-q', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } else {
    // Fallback when poppler-utils is not installed.
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: pdf.slice(), useSystemFonts: false }).promise;
    const parts: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      for (const item of content.items) if ('str' in item) parts.push(item.str);
    }
    await doc.destroy();
    text = parts.join('');
  }
  return text.replace(/\s+/g, '');
}

function nameOf(fields: CertificateFields): string {
  return fields.recipientLine.replace(/同志：$/, '');
}

async function expectValidCertificate(renderer: Renderer, fields: CertificateFields): Promise<void> {
  const pdf = await renderer.render(fields);
  expect(pdf).toBeInstanceOf(Uint8Array);
  expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');

  const doc = await PDFDocument.load(pdf);
  expect(doc.getPageCount()).toBe(1);
  const page = doc.getPage(0);
  const { width, height } = page.getSize();
  const quarterTurns = Math.round(page.getRotation().angle / 90) % 2 !== 0;
  const [w, h] = quarterTurns ? [height, width] : [width, height];
  expect(w).toBeGreaterThan(h);
  expect(w).toBeCloseTo(841.89, 0); // A4 landscape
  expect(h).toBeCloseTo(595.28, 0);

  const text = await extractText(pdf);
  expect(text).toContain(nameOf(fields));
  expect(text).toContain(fields.body.replace(/\s+/g, ''));
  expect(text).toContain(fields.date);
}

/** A recipient whose name is full of Typst (and XML/markdown) markup characters. */
const trickyFields: CertificateFields = {
  ...exampleCertificateFields,
  recipientLine: '#王*[五]\\"$<@>_~&`同志：',
};

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'peers-test-'));
});

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const peers: [string, () => Promise<Renderer>][] = [
  ['pdfmake', () => PdfmakeCertificateRenderer.create()],
  ['typst', () => TypstCertificateRenderer.create()],
];

describe.each(peers)('%s peer', (_name, create) => {
  let renderer: Renderer;
  beforeAll(async () => {
    renderer = await create();
  });

  it('renders the example certificate as a one-page A4 landscape PDF with the recipient', async () => {
    await expectValidCertificate(renderer, exampleCertificateFields);
  });

  it('renders a different recipient each time (varyFields), including names with a middle dot', async () => {
    const names = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const fields = varyFields(i);
      names.add(nameOf(fields));
      await expectValidCertificate(renderer, fields);
    }
    expect(names.size).toBe(4);
    await expectValidCertificate(renderer, varyFields(3)); // 乌力吉·巴雅尔
    expect(nameOf(varyFields(3))).toContain('·');
  });

  it('prints a name with markup special characters literally', async () => {
    const pdf = await renderer.render(trickyFields);
    const text = await extractText(pdf);
    expect(text).toContain(nameOf(trickyFields));
  });
});

describe('varyFields', () => {
  it('only changes the recipient and cycles through ~20 names', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const f = varyFields(i);
      expect({ ...f, recipientLine: '' }).toEqual({ ...exampleCertificateFields, recipientLine: '' });
      expect(f.recipientLine.endsWith('同志：')).toBe(true);
      seen.add(f.recipientLine);
    }
    expect(seen.size).toBe(20);
    expect(varyFields(20)).toEqual(varyFields(0));
  });
});

import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderRecordDocuments } from '../../../functions/core/documents/renderRecordDocuments.js';
import { statisticsBulletinView } from '../../../functions/core/documents/statisticsBulletinView.js';
import { DocumentEngine } from '../../../functions/core/engine/DocumentEngine.js';
import { validateRecord } from '../../../functions/core/records/index.js';
import { signPdf } from '../../../functions/core/signing/signPdf.js';
import { compileFigures } from '../../../functions/core/statistics/compileFigures.js';
import { testSigner } from '../../support/developmentSignerForTests.js';
import { EXAMPLE_OF_KIND, exampleJson, exampleRecord } from '../../support/examples.js';
import { toTempFile } from '../../support/poppler.js';

const engine = DocumentEngine.shared();
const AUTHORITY = '测试签发机关';
const signer = testSigner(AUTHORITY);

const EXAMPLES = EXAMPLE_OF_KIND;

async function unsignedDocuments(): Promise<Record<string, Uint8Array>> {
  const documents: Record<string, Uint8Array> = {};
  for (const [kind, example] of Object.entries(EXAMPLES)) {
    const [first] = await renderRecordDocuments(exampleRecord(example), engine);
    documents[kind] = first!.bytes;
  }
  const figures = compileFigures(
    ['merit-zhang-peng', 'commendation-order-2020-12'].map((name) => validateRecord(exampleJson(name))),
    '2020-03-05T00:00:00Z',
  );
  const view = statisticsBulletinView(figures, { name: '内蒙古自治区公安厅' }, '内公奖〔2020〕9999号');
  documents['statistics-bulletin'] = (await engine.render('statistics-bulletin', view)).bytes;
  return documents;
}

const pdfsig = (bytes: Uint8Array) => execFileSync('pdfsig', [toTempFile(bytes)], { encoding: 'utf8' });

describe('signPdf with the development key', () => {
  let unsigned: Record<string, Uint8Array>;
  beforeAll(async () => {
    unsigned = await unsignedDocuments();
  });

  it.each([...Object.keys(EXAMPLES), 'statistics-bulletin'])(
    '%s: pdfsig finds one valid signature over the whole document, by the development certificate',
    async (kind) => {
      const signed = await signPdf(unsigned[kind]!, signer);
      const report = pdfsig(signed);
      expect(report.match(/Signature #/g)).toHaveLength(1);
      expect(report).toContain('Signature Validation: Signature is Valid.');
      expect(report).toContain('Total document signed');
      expect(report).toContain('Signature Type: ETSI.CAdES.detached');
      expect(report).toContain('Signing Hash Algorithm: SHA-256');
      expect(report).toContain('Signer Certificate Common Name: 开发用签名证书（非正式）');
      expect(report).toContain(`Signer full Distinguished Name: CN=开发用签名证书（非正式）,O=${AUTHORITY}`);
      // Self-signed for development: no one vouches for its issuer.
      expect(report).toMatch(/Certificate Validation: Certificate issuer is unknown/);
      // The original bytes stay as they were: the signature is an incremental update after them.
      expect(Buffer.from(signed.subarray(0, unsigned[kind]!.length)).equals(Buffer.from(unsigned[kind]!))).toBe(true);
    },
  );

  it('names the field after the issuing authority and signs at the record time', async () => {
    const report = pdfsig(await signPdf(unsigned.certificate!, signer));
    const authority = exampleRecord(EXAMPLES.certificate).authority.name;
    expect(report).toContain(`Signature Field Name: ${authority}`);
    expect(report).toMatch(/Signing Time: \w+ \d\d \d{4} \d\d:\d\d:\d\d/);
    const creation = Buffer.from(unsigned.certificate!)
      .toString('latin1')
      .match(/\/CreationDate \((D:[^)]*)\)/)![1]!;
    expect(Buffer.from(await signPdf(unsigned.certificate!, signer)).toString('latin1')).toContain(`/M (${creation})`);
  });

  it('gives byte-identical output for the same document and key', async () => {
    const [first, second] = await Promise.all([
      signPdf(unsigned.telegram!, signer),
      signPdf(unsigned.telegram!, signer),
    ]);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it('a changed byte inside the signed range breaks the signature', async () => {
    const signed = Buffer.from(await signPdf(unsigned.certificate!, signer));
    const index = signed.indexOf('/Producer');
    signed.write('/Producex', index, 'latin1');
    expect(pdfsig(signed)).not.toContain('Signature is Valid');
  });

  it('refuses a document already signed', async () => {
    const signed = await signPdf(unsigned.certificate!, signer);
    await expect(signPdf(signed, signer)).rejects.toThrow(/already has a form or a signature/);
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRecordDocuments } from '../../functions/core/documents/renderRecordDocuments.js';
import { exampleJson, exampleRecord } from '../support/examples.js';

const tsx = join('node_modules', '.bin', 'tsx');

function runRender(files: string[], out: string, ...options: string[]) {
  return spawnSync(tsx, ['scripts/render.ts', ...files, '--out', out, ...options], { encoding: 'utf8' });
}

describe('npm run render', () => {
  it('writes every document of each record and prints path, bytes and pages', () => {
    const out = mkdtempSync(join(tmpdir(), 'render-'));
    const data = mkdtempSync(join(tmpdir(), 'render-data-'));
    const files = ['examples/merit-zhang-peng.json', 'examples/commendation-order-2020-12.json'];
    const result = runRender(files, out, '--data', data);
    expect(result.status).toBe(0);
    const [signing, ...lines] = result.stdout.trim().split('\n');
    expect(signing).toBe(
      `signing with each authority's development key under ${join(data, 'signing')} (self-signed: not for issue)`,
    );
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^${out}/merit-zhang-peng/certificate-v1\\.pdf\\t\\d+ bytes\\t1 page$`));
    expect(lines[1]).toMatch(/commendation-order-2020-12\/commendation-order-v1\.pdf\t\d+ bytes\t\d+ pages?$/);
    const pdfinfo = execFileSync('pdfinfo', [join(out, 'merit-zhang-peng', 'certificate-v1.pdf')], {
      encoding: 'utf8',
    });
    expect(pdfinfo).toMatch(/Pages:\s+1/);
    const pdfsig = execFileSync('pdfsig', [join(out, 'merit-zhang-peng', 'certificate-v1.pdf')], { encoding: 'utf8' });
    expect(pdfsig).toContain('Signature is Valid');
    // Each authority signs with its own development key and certificate, kept under --data.
    expect(readdirSync(join(data, 'signing')).sort()).toEqual(['hlbe-hle-fj', 'nmg-gat']);
    for (const authority of ['hlbe-hle-fj', 'nmg-gat'])
      expect(readdirSync(join(data, 'signing', authority)).sort()).toEqual([
        'signing-certificate.der',
        'signing-key.pem',
      ]);
  });

  it('exits non-zero with one line naming record, field and code point, writing nothing for that record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'records-'));
    const zhang = exampleJson('merit-zhang-peng') as { recipient: Record<string, unknown> };
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...zhang, id: 'bad-glyph', recipient: { ...zhang.recipient, name: '张𠈌' } }));
    const invalid = join(dir, 'invalid.json');
    writeFileSync(invalid, JSON.stringify({ ...zhang, id: 'bad-grade', grade: 4 }));
    const unknown = join(dir, 'unknown.json');
    writeFileSync(unknown, JSON.stringify({ ...zhang, id: 'unknown-authority', authority: { name: '某省公安厅' } }));
    const out = join(dir, 'out');
    const result = runRender([bad, invalid, unknown, 'examples/merit-he-xia.json'], out, '--unsigned');
    expect(result.stdout.split('\n')[0]).toBe('unsigned (--unsigned)');
    expect(result.status).toBe(1);
    const errors = result.stderr.trim().split('\n');
    expect(errors).toEqual([
      'error: bad.json: record bad-glyph: recipient.name: ' +
        'no configured font can draw "𠈌" (U+2020C) in role "songti"; ' +
        "add a font that has it to the role's fallback list, or correct the text",
      'error: invalid.json: record bad-grade: grade: must be 1, 2 or 3',
      expect.stringMatching(
        /^error: unknown\.json: record unknown-authority: authority: "某省公安厅" is not a registered authority /,
      ),
    ]);
    expect(existsSync(join(out, 'unknown-authority'))).toBe(false);
    expect(existsSync(join(out, 'bad-glyph'))).toBe(false);
    expect(existsSync(join(out, 'bad-grade'))).toBe(false);
    // Without --ofd, PDF only.
    expect(readdirSync(join(out, 'merit-he-xia'))).toEqual(['certificate-v1.pdf']);
    // Another process, the same bytes: output depends on the record alone.
    const [inProcess] = await renderRecordDocuments(exampleRecord('merit-he-xia'));
    expect(readFileSync(join(out, 'merit-he-xia', 'certificate-v1.pdf')).equals(Buffer.from(inProcess!.bytes))).toBe(
      true,
    );
  });

  it('refuses a record file that is not UTF-8, naming the file and the byte offset, and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'records-'));
    const json = JSON.stringify(exampleJson('merit-zhang-peng'));
    const at = Buffer.byteLength(json.slice(0, json.indexOf('张鹏') + 1));
    const broken = Buffer.concat([Buffer.from(json.slice(0, json.indexOf('张鹏') + 1)), Buffer.from([0xe9, 0xb9])]);
    const bad = join(dir, 'broken.json');
    writeFileSync(bad, Buffer.concat([broken, Buffer.from(json.slice(json.indexOf('张鹏') + 2))]));
    const out = join(dir, 'out');
    const result = runRender([bad], out, '--unsigned');
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      `error: broken.json: not valid UTF-8 at byte ${at} (line 1, byte 0xE9)`,
    ]);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('with --ofd, writes each document’s OFD beside its PDF and prints a line for each', async () => {
    const out = mkdtempSync(join(tmpdir(), 'render-ofd-'));
    const result = runRender(['examples/merit-he-xia.json'], out, '--unsigned', '--ofd');
    expect(result.stderr).not.toContain('error:');
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n').slice(1)).toEqual([
      expect.stringMatching(new RegExp(`^${out}/merit-he-xia/certificate-v1\\.pdf\\t\\d+ bytes\\t1 page$`)),
      expect.stringMatching(new RegExp(`^${out}/merit-he-xia/certificate-v1\\.ofd\\t\\d+ bytes\\t1 page$`)),
    ]);
    expect(readdirSync(join(out, 'merit-he-xia')).sort()).toEqual(['certificate-v1.ofd', 'certificate-v1.pdf']);
    const written = readFileSync(join(out, 'merit-he-xia', 'certificate-v1.ofd'));
    // The OFD itself, not the PDF under another name: the renderer's OFD bytes, a zip package.
    const [inProcess] = await renderRecordDocuments(exampleRecord('merit-he-xia'), undefined, undefined, undefined, {
      ofd: true,
    });
    expect(written.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    expect(written.equals(Buffer.from(inProcess!.ofd!.bytes))).toBe(true);
    expect(result.stdout).toContain(`certificate-v1.ofd\t${written.length} bytes`);
  });
});

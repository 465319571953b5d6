import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRecordDocuments } from '../../functions/core/documents/renderRecordDocuments.js';
import { validateRecord } from '../../functions/core/records/index.js';
import { AuthorityRegistry } from '../../functions/core/authorities/AuthorityRegistry.js';
import type { AuthoritySigners } from '../../functions/core/signing/AuthoritySigners.js';
import type { DocumentFormat } from '../../functions/definitions/documentsBucket.js';
import { type RawRecord, readRecordFile } from './readRecordFile.js';

export interface WrittenDocument {
  readonly recordId: string;
  readonly format: DocumentFormat;
  readonly path: string;
  readonly bytes: number;
  readonly pages: number;
}

export interface RenderReport {
  readonly written: WrittenDocument[];
  /** One line per record that failed: what, where and why. */
  readonly failures: string[];
}

/**
 * Validates and renders each record of the files into `<out>/<record id>/<kind>-v<version>.pdf`
 * (the layout of the S3 bucket), each signed by its authority's signer when given signers, with
 * `.ofd` beside each when asked for. The record's authority must be a registered one.
 * A record that fails writes nothing and does not stop the others.
 */
export async function renderRecordFiles(
  files: readonly string[],
  outDir: string,
  onWritten: (doc: WrittenDocument) => void = () => {},
  signers?: AuthoritySigners,
  options: { ofd?: boolean; authorities?: AuthorityRegistry } = {},
): Promise<RenderReport> {
  const report: RenderReport = { written: [], failures: [] };
  for (const file of files) {
    let records: RawRecord[];
    try {
      records = readRecordFile(file);
    } catch (error) {
      report.failures.push((error as Error).message);
      continue;
    }
    for (const { source, value } of records) {
      try {
        // The authority's seal and name are the registry's: a record naming another is refused.
        const record = (options.authorities ?? AuthorityRegistry.shared()).resolve(validateRecord(value));
        const signer = signers?.signerFor(record.authority);
        const documents = await renderRecordDocuments(record, undefined, undefined, signer, {
          ofd: options.ofd === true,
        });
        const dir = join(outDir, record.id);
        mkdirSync(dir, { recursive: true });
        for (const document of documents) {
          const files: [DocumentFormat, Uint8Array][] = [
            ['pdf', document.bytes],
            ...(document.ofd ? [['ofd', document.ofd.bytes] as [DocumentFormat, Uint8Array]] : []),
          ];
          for (const [format, bytes] of files) {
            const path = join(dir, `${document.kind}-v${document.version}.${format}`);
            writeFileSync(path, bytes);
            const written = { recordId: record.id, format, path, bytes: bytes.length, pages: document.pages };
            report.written.push(written);
            onWritten(written);
          }
        }
      } catch (error) {
        report.failures.push(`${source}: ${(error as Error).message}`);
      }
    }
  }
  return report;
}

/**
 * Checks PDFs as issued: one line per file with its signature status (poppler's pdfsig) and its
 * PDF/A-1b status when Apache PDFBox's Preflight is installed (java, /usr/share/java).
 *   npm run verify-pdf -- <file.pdf>...
 * Exits 1 when any file is unsigned, invalidly signed or not signed as a whole.
 */
import { spawnSync } from 'node:child_process';
import { pdfaStatus } from './lib/pdfaStatus.js';
import { describeSignature, signatureStatus } from './lib/signatureStatus.js';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run verify-pdf -- <file.pdf>...');
  process.exit(2);
}
let failed = false;
for (const file of files) {
  // pdfsig exits non-zero for an unsigned file too: its report is read either way.
  const run = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  if (run.error) {
    console.error(`error: pdfsig: ${run.error.message} (install poppler-utils)`);
    process.exit(2);
  }
  const status = signatureStatus(run.stdout);
  if (!status.valid || !status.wholeDocument) failed = true;
  console.log(`${file}\t${describeSignature(status)}\tPDF/A: ${pdfaStatus(file)}`);
}
process.exit(failed ? 1 : 0);

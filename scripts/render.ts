/**
 * Preview for template authors and record checks, no AWS needed:
 *   npm run render -- <record.json|records.jsonl>... --out <dir> [--unsigned] [--ofd] [--data .local]
 * Signs each PDF with the development key under --data (made on first use, as `npm start` makes
 * it) unless --unsigned; says which. With --ofd, also writes each document's OFD (GB/T 33190) beside
 * its PDF; the OFD is not signed. Prints one line per file written (path, bytes, pages); a bad
 * record prints one line and makes the exit code 1.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dataLayout } from '../local/LocalStack.js';
import { DevelopmentSigners } from '../local/DevelopmentSigners.js';
import { renderRecordFiles } from './lib/renderRecordFiles.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: 'out' },
    unsigned: { type: 'boolean', default: false },
    ofd: { type: 'boolean', default: false },
    data: { type: 'string', default: '.local' },
  },
});
if (positionals.length === 0) {
  console.error(
    'usage: npm run render -- <record.json|records.jsonl>... [--out <dir>] [--unsigned] [--ofd] [--data <dir>]',
  );
  process.exit(2);
}
const signingDir = dataLayout(values.data).signing;
// Each document is signed by its own authority's development key, as the local stack signs it.
const signers = values.unsigned ? undefined : new DevelopmentSigners(signingDir);
console.log(
  signers
    ? `signing with each authority's development key under ${join(signingDir)} (self-signed: not for issue)`
    : 'unsigned (--unsigned)',
);
const report = await renderRecordFiles(
  positionals,
  values.out,
  (doc) => console.log(`${doc.path}\t${doc.bytes} bytes\t${doc.pages} page${doc.pages === 1 ? '' : 's'}`),
  signers,
  { ofd: values.ofd },
);
for (const failure of report.failures) console.error(`error: ${failure}`);
process.exit(report.failures.length > 0 ? 1 : 0);

/**
 * Preview for template authors and record checks, no AWS needed:
 *   npm run render -- <record.json|records.jsonl>... --out <dir>
 * Prints one line per PDF (path, bytes, pages); a bad record prints one line and makes the exit code 1.
 */
import { parseArgs } from 'node:util';
import { renderRecordFiles } from './lib/renderRecordFiles.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string', default: 'out' } },
});
if (positionals.length === 0) {
  console.error('usage: npm run render -- <record.json|records.jsonl>... [--out <dir>]');
  process.exit(2);
}
const report = await renderRecordFiles(positionals, values.out, (doc) =>
  console.log(`${doc.path}\t${doc.bytes} bytes\t${doc.pages} page${doc.pages === 1 ? '' : 's'}`),
);
for (const failure of report.failures) console.error(`error: ${failure}`);
process.exit(report.failures.length > 0 ? 1 : 0);

/**
 * `npm start`: renders every example record in examples/ into out/ and prints what it wrote.
 * (The local AWS-free stack that approves records and stores documents replaces this later.)
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { renderRecordFiles } from './lib/renderRecordFiles.js';

const examples = readdirSync('examples')
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => join('examples', file));
const started = performance.now();
const report = await renderRecordFiles(examples, 'out', (doc) => console.log(`${doc.path}\t${doc.bytes} bytes\t${doc.pages} page${doc.pages === 1 ? '' : 's'}`));
for (const failure of report.failures) console.error(`error: ${failure}`);
const seconds = ((performance.now() - started) / 1000).toFixed(2);
console.log(`${report.written.length} documents from ${examples.length} example records in ${seconds} s → out/`);
process.exit(report.failures.length > 0 ? 1 : 0);

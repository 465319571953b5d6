/**
 * Cold-start probe: a fresh process that loads the engine, its fonts and templates, and renders
 * one certificate. `bench/run.ts` bundles it with esbuild (as a Lambda would ship it) and spawns
 * it; it prints one JSON line with the times since the process started (performance.timeOrigin),
 * so module loading is included.
 *
 *   AWARD_TEMPLATES_DIR=templates node .bench/cold.mjs
 */
import { readFileSync } from 'node:fs';
import { renderRecordDocuments } from '../functions/core/documents/renderRecordDocuments.js';
import { validateRecord } from '../functions/core/records/index.js';

/** Reached once the bundle's modules are evaluated (imports are hoisted above this line). */
const modulesLoadedMs = performance.now();

// The record is read at run time (not bundled) so the probe does what a request handler does.
const recordPath = process.argv[2] ?? 'examples/merit-zhang-peng.json';
const record = validateRecord(JSON.parse(readFileSync(recordPath, 'utf8')));
const [certificate] = await renderRecordDocuments(record);
const firstCertificateMs = performance.now();

console.log(
  JSON.stringify({
    modulesLoadedMs,
    firstCertificateMs,
    bytes: certificate?.bytes.byteLength ?? 0,
    pages: certificate?.pages ?? 0,
  }),
);

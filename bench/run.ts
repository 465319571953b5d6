/**
 * npm run bench: warm rendering times per document kind, cold start of a fresh process, and the
 * certificate against two peer renderers (pdfmake, Typst), checked against the targets.
 *
 * stdout: a readable report, then, as the very last line, one JSON object with every figure.
 * stderr: progress. Exits 0 even when a target fails: this is a report, not a gate.
 * Run it on an otherwise idle machine, and more than once: the spread between runs is part of
 * the result. (`node --expose-gc` makes it collect garbage between measurements; not required.)
 */
import os from 'node:os';
import { certificateRecords, EXAMPLE_FILES, largeCommendationOrder, loadExample } from './benchRecords.js';
import { measureBulletin } from './measureBulletin.js';
import { type ColdStartSummary, measureColdStart } from './measureColdStart.js';
import { type DocumentMeasurement, type IterationPlan, measureRecordRendering } from './measureDocuments.js';
import { measurePeers, type PeerMeasurement } from './measurePeers.js';
import { measureSigning, type SigningMeasurement } from './measureSigning.js';
import { describeBound, evaluate, type TargetResult } from './targets.js';

/** Fewer iterations for the slower documents keep the whole run well under a minute. */
const PLANS = {
  certificate: { warmup: 10, iterations: 200 },
  commendationOrder: { warmup: 5, iterations: 150 },
  telegram: { warmup: 5, iterations: 200 },
  praiseBulletin: { warmup: 5, iterations: 150 },
  commendationOrder300: { warmup: 3, iterations: 40 },
} satisfies Record<string, IterationPlan>;
const LARGE_ORDER_AWARDEES = 300;
const COLD_RUNS = 5;

const LABELS: Record<keyof typeof PLANS, string> = {
  certificate: 'certificate (varied names)',
  commendationOrder: 'commendation order',
  telegram: 'telegram',
  praiseBulletin: 'praise bulletin',
  commendationOrder300: `commendation order, ${LARGE_ORDER_AWARDEES} awardees`,
};

type DocumentResults = Record<keyof typeof PLANS, DocumentMeasurement>;
type PeerResults = { pdfmake: PeerMeasurement; typst: PeerMeasurement };

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function measureOurDocuments(): Promise<DocumentResults> {
  const certificateFor = certificateRecords(PLANS.certificate.warmup + PLANS.certificate.iterations);
  const order = loadExample(EXAMPLE_FILES.commendationOrder);
  const telegram = loadExample(EXAMPLE_FILES.telegram);
  const praiseBulletin = loadExample(EXAMPLE_FILES.praiseBulletin);
  const largeOrder = largeCommendationOrder(LARGE_ORDER_AWARDEES);

  const measure = (kind: keyof typeof PLANS, recordFor: Parameters<typeof measureRecordRendering>[0]) => {
    progress(`${LABELS[kind]}: ${PLANS[kind].warmup} warm-up + ${PLANS[kind].iterations} timed renders`);
    return measureRecordRendering(recordFor, PLANS[kind]);
  };
  return {
    certificate: await measure('certificate', certificateFor),
    commendationOrder: await measure('commendationOrder', () => order),
    telegram: await measure('telegram', () => telegram),
    praiseBulletin: await measure('praiseBulletin', () => praiseBulletin),
    commendationOrder300: await measure('commendationOrder300', () => largeOrder),
  };
}

function ratiosOf(ours: DocumentMeasurement, peers: PeerResults) {
  return {
    oursOverTypst: ours.p50 / peers.typst.p50,
    pdfmakeOverOurs: peers.pdfmake.p50 / ours.p50,
  };
}

function evaluateTargets(
  docs: DocumentResults,
  cold: ColdStartSummary,
  ratios: ReturnType<typeof ratiosOf>,
  signing: SigningMeasurement,
): TargetResult[] {
  return [
    {
      key: 'signingP50',
      label: 'PAdES signing alone, RSA-2048 local, warm p50',
      actual: signing.signingAlone.p50,
      limit: 3,
      bound: 'max',
      unit: 'ms',
    } as const,
    {
      key: 'certificateP50',
      label: 'certificate warm p50',
      actual: docs.certificate.p50,
      limit: 8,
      bound: 'max',
      unit: 'ms',
    } as const,
    {
      key: 'oursOverTypst',
      label: 'ours / Typst (p50)',
      actual: ratios.oursOverTypst,
      limit: 2.5,
      bound: 'max',
      unit: '×',
    } as const,
    {
      key: 'pdfmakeOverOurs',
      label: 'pdfmake / ours (p50)',
      actual: ratios.pdfmakeOverOurs,
      limit: 6,
      bound: 'min',
      unit: '×',
    } as const,
    {
      key: 'coldStart',
      label: 'cold start (spawn→first PDF, median)',
      actual: cold.spawnToResultMs,
      limit: 400,
      bound: 'max',
      unit: 'ms',
    } as const,
    {
      key: 'certificateBytes',
      label: 'certificate size',
      actual: docs.certificate.bytes,
      limit: 60_000,
      bound: 'max',
      unit: 'bytes',
    } as const,
    {
      key: 'orderBytesPerPage',
      label: 'commendation order per page',
      actual: docs.commendationOrder.bytesPerPage,
      limit: 30_000,
      bound: 'max',
      unit: 'bytes',
    } as const,
    {
      key: 'order300BytesPerPage',
      label: `${LARGE_ORDER_AWARDEES}-awardee order per page`,
      actual: docs.commendationOrder300.bytesPerPage,
      limit: 30_000,
      bound: 'max',
      unit: 'bytes',
    } as const,
    {
      key: 'order300P50',
      label: `${LARGE_ORDER_AWARDEES}-awardee order p50`,
      actual: docs.commendationOrder300.p50,
      limit: 1000,
      bound: 'max',
      strict: true,
      unit: 'ms',
    } as const,
  ].map(evaluate);
}

// ---- Report ----------------------------------------------------------------------------------

const ms = (value: number) => value.toFixed(1);
const int = (value: number) => Math.round(value).toLocaleString('en-US');
const times = (value: number) => `${value.toFixed(1)}×`;

function row(cells: string[], widths: number[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[i]!))).join('  ');
}

function printDocumentTable(docs: DocumentResults, peers: PeerResults): void {
  const widths = [34, 6, 8, 8, 9, 6, 11];
  console.log(row(['document', 'iters', 'p50 ms', 'p95 ms', 'bytes', 'pages', 'bytes/page'], widths));
  console.log('-'.repeat(widths.reduce((a, b) => a + b + 2, -2)));
  for (const kind of Object.keys(PLANS) as (keyof typeof PLANS)[]) {
    const d = docs[kind];
    console.log(
      row(
        [LABELS[kind], String(d.iterations), ms(d.p50), ms(d.p95), int(d.bytes), String(d.pages), int(d.bytesPerPage)],
        widths,
      ),
    );
  }
  for (const [name, peer] of Object.entries(peers)) {
    console.log(
      row(
        [
          `peer: ${name} certificate`,
          String(peer.iterations),
          ms(peer.p50),
          ms(peer.p95),
          int(peer.bytes),
          '1',
          int(peer.bytes),
        ],
        widths,
      ),
    );
  }
}

function printColdStart(cold: ColdStartSummary): void {
  console.log(
    `cold start, median of ${cold.runs} fresh \`node .bench/cold.mjs\` (bundle ${int(cold.bundleBytes)} bytes):\n` +
      `  parent: spawn→exit ${ms(cold.spawnToExitMs)} ms, ` +
      `spawn→first certificate printed ${ms(cold.spawnToResultMs)} ms\n` +
      `  child:  modules loaded ${ms(cold.modulesLoadedMs)} ms, ` +
      `first certificate ${ms(cold.inProcessMs)} ms after process start\n` +
      `  (spawn→exit adds ${ms(cold.spawnToExitMs - cold.spawnToResultMs)} ms after the PDF: ` +
      `V8 finishing its background optimisation\n` +
      `   of the HarfBuzz WebAssembly before the process may end; node --liftoff-only removes it. ` +
      `A request is answered before it.)`,
  );
}

function printTargets(targets: TargetResult[]): void {
  for (const t of targets) {
    const actual =
      t.unit === '×' ? times(t.actual) : t.unit === 'ms' ? `${ms(t.actual)} ms` : `${int(t.actual)} ${t.unit}`;
    console.log(
      `  ${t.pass ? 'PASS' : 'FAIL'}  ${t.label.padEnd(34)} ${actual.padStart(14)}   target ${describeBound(t)}`,
    );
  }
  const failed = targets.filter((t) => !t.pass);
  console.log(
    failed.length === 0
      ? '  all targets met'
      : `  *** ${failed.length} target(s) FAILED: ${failed.map((t) => t.key).join(', ')} ***`,
  );
}

/** Rounds every number to 2 decimals so the JSON line stays readable. */
function roundedJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v));
}

// ---- Main ------------------------------------------------------------------------------------

const gcExposed = typeof (globalThis as { gc?: unknown }).gc === 'function';
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
progress(
  `node ${process.version}, ${os.cpus().length} × ${cpu}, load ${os.loadavg()[0]!.toFixed(2)}, ` +
    `gc ${gcExposed ? 'exposed' : 'not exposed'}`,
);

// Cold start first, while this process has loaded nothing heavy and leaves the CPU to the probes.
progress(`cold start: bundling bench/coldStart.ts, then ${COLD_RUNS} fresh processes`);
const cold = await measureColdStart(COLD_RUNS);
const docs = await measureOurDocuments();
progress(
  `peers: pdfmake and Typst, ${PLANS.certificate.warmup} warm-up + ` +
    `${PLANS.certificate.iterations} timed certificates each`,
);
const peers = await measurePeers(PLANS.certificate);
progress(`signing: certificates rendered and signed, then signed alone, ${PLANS.certificate.iterations} timed each`);
const signing = await measureSigning(
  certificateRecords(PLANS.certificate.warmup + PLANS.certificate.iterations),
  PLANS.certificate,
);
const ratios = ratiosOf(docs.certificate, peers);
progress('bulletin: 100,000 generated awards, kept counters against a full recount');
const bulletin = await measureBulletin();
const targets = evaluateTargets(docs, cold, ratios, signing);

console.log(`\nnpm run bench — node ${process.version}, ${os.cpus().length} × ${cpu}\n`);
printDocumentTable(docs, peers);
console.log(
  `\nours/typst = ${times(ratios.oursOverTypst)}   pdfmake/ours = ${times(ratios.pdfmakeOverOurs)}   ` +
    `(certificate warm p50)\n`,
);
console.log(
  `certificate signed (PAdES B-B, development RSA-2048): p50 ${ms(signing.signedCertificate.p50)} ms, ` +
    `p95 ${ms(signing.signedCertificate.p95)} ms, ${int(signing.signedCertificate.bytes)} bytes; ` +
    `unsigned p50 ${ms(docs.certificate.p50)} ms\n` +
    `  signing alone: p50 ${ms(signing.signingAlone.p50)} ms, p95 ${ms(signing.signingAlone.p95)} ms ` +
    `(KMS adds its own Sign round trip in AWS, not measured here)\n`,
);
printColdStart(cold);
console.log(
  `\nbulletin, ${bulletin.awards.toLocaleString('en-US')} awards: ` +
    `from kept figures ${bulletin.kept.itemsRead} items in ${bulletin.kept.requests} request, ` +
    `${ms(bulletin.kept.ms)} ms to figures and PDF;` +
    `\n  full scan ${bulletin.fullScan.itemsRead.toLocaleString('en-US')} items, ` +
    `recount ${ms(bulletin.fullScan.recountMs)} ms, ${ms(bulletin.fullScan.ms)} ms to figures and PDF ` +
    `(reads: ${Math.round(bulletin.fullScan.itemsRead / bulletin.kept.itemsRead).toLocaleString('en-US')}× more)`,
);
console.log('\ntargets:');
printTargets(targets);
console.log(
  roundedJson({
    ...docs,
    cold,
    signing,
    bulletin,
    peers,
    ratios,
    targets: Object.fromEntries(
      targets.map((t) => [t.key, { actual: t.actual, limit: describeBound(t), pass: t.pass }]),
    ),
  }),
);

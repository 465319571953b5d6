/** The readable part of npm run bench's output: tables and sentences above the JSON line. */
import type { BulletinBench } from './measureBulletin.js';
import type { BundleColdStart, StubbedColdStart } from './measureBundleColdStart.js';
import type { CertificateContest, RendererTimes } from './measureCertificateContest.js';
import { DOCUMENT_LABELS, type DocumentResults } from './measureOtherDocuments.js';
import type { SigningMeasurement } from './measureSigning.js';
import type { PairedSummary } from './pairedComparison.js';
import type { PipelineOutcome } from './pipelineFigures.js';
import { describeBound, type TargetResult } from './targets.js';

export interface BenchReport {
  readonly machine: string;
  readonly loadBefore: number;
  readonly loadAfter: number;
  readonly contest: CertificateContest;
  readonly signing: SigningMeasurement;
  readonly docs: DocumentResults;
  readonly cold: BundleColdStart;
  readonly bulletin: BulletinBench;
  readonly pipeline: PipelineOutcome;
  readonly targets: readonly TargetResult[];
}

const ms = (value: number) => value.toFixed(1);
const int = (value: number) => Math.round(value).toLocaleString('en-US');
const times = (value: number) => `${value.toFixed(2)}×`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

function row(cells: string[], widths: number[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[i]!))).join('  ');
}

const WIDTHS = [36, 7, 7, 8, 8, 8, 9, 11];

function timingRow(label: string, warmup: number, t: RendererTimes & { pages?: number }): string {
  const perPage = t.pages ? int(t.bytes / t.pages) : int(t.bytes);
  return row(
    [label, String(warmup), String(t.iterations), ms(t.p25), ms(t.p50), ms(t.p75), int(t.bytes), perPage],
    WIDTHS,
  );
}

function printTimings({ contest, docs, signing }: BenchReport): void {
  console.log(row(['renders (ms)', 'warm-up', 'timed', 'p25', 'median', 'p75', 'bytes', 'bytes/page'], WIDTHS));
  console.log('-'.repeat(WIDTHS.reduce((a, b) => a + b + 2, -2)));
  console.log(timingRow('certificate, ours (interleaved)', contest.warmupRounds, contest.ours));
  console.log(timingRow('certificate, Typst (interleaved)', contest.warmupRounds, contest.typst));
  console.log(timingRow('certificate, pdfmake (interleaved)', contest.warmupRounds, contest.pdfmake));
  console.log(timingRow('certificate unsigned (vs signed)', signing.warmupRounds, signing.unsigned));
  console.log(timingRow('certificate signed, development key', signing.warmupRounds, signing.signed));
  for (const kind of Object.keys(DOCUMENT_LABELS) as (keyof DocumentResults)[]) {
    console.log(timingRow(DOCUMENT_LABELS[kind], docs[kind].warmupRounds, docs[kind]));
  }
  const unsettled = [
    ...(contest.settled ? [] : ['the certificate contest']),
    ...(signing.settled ? [] : ['signed/unsigned']),
    ...Object.entries(docs)
      .filter(([, d]) => !d.settled)
      .map(([kind]) => kind),
  ];
  if (unsettled.length > 0) console.log(`(warm-up capped before a steady median: ${unsettled.join(', ')})`);
}

const pairedLine = (label: string, p: PairedSummary, unit: (v: number) => string) =>
  `${label} ${unit(p.median)} (p25–p75 ${unit(p.p25)}–${unit(p.p75)}, ${p.rounds} rounds)`;

function printComparisons({ contest, signing }: BenchReport): void {
  console.log(`\nper-round ratios, the same recipient in each round:`);
  console.log(`  ${pairedLine('ours/Typst', contest.oursOverTypst, times)}`);
  console.log(`  ${pairedLine('pdfmake/ours', contest.pdfmakeOverOurs, times)}`);
  console.log(`  ${pairedLine('signing adds', signing.signingAdds, (v) => `${ms(v)} ms`)}`);
  console.log(
    `  signing alone (signPdf on a rendered certificate): median ${ms(signing.signingAlone.p50)} ms ` +
      '(in AWS, KMS adds its Sign round trip: not measured here)',
  );
}

function coldLine(c: StubbedColdStart): string {
  return (
    `node boot ${ms(c.bootMs)} → modules evaluated ${ms(c.evaluatedMs)} → first AWS request ` +
    `${ms(c.firstRequestMs)} → reads done ${ms(c.readsDoneMs)} → PDF stored (fonts, first render) ` +
    `${ms(c.pdfStoredMs)} → handler returned ${ms(c.handledMs)} ` +
    `→ exit ${ms(c.exitMs)}`
  );
}

function printColdStart({ cold }: BenchReport): void {
  console.log(
    `\ncold start of the synthesized render asset (index.mjs ${mb(cold.codeBytes)}, its .map ` +
      `${mb(cold.sourceMapBytes)}), fresh node, medians of ${cold.stubbed.runs}, ms from spawn:`,
  );
  console.log(`  storage stubbed:                     ${coldLine(cold.stubbed)}`);
  console.log(`  same, with --enable-source-maps:     ${coldLine(cold.stubbedWithSourceMaps)}`);
  const local = cold.localStack;
  console.log(
    'notMeasured' in local
      ? `  local stack: not measured (${local.notMeasured})`
      : `  local stack (DynamoDB Local, S3 server): spawn→certificate stored, award updated ` +
          `${ms(local.storedMs)}, exit ${ms(local.exitMs)} (${local.runs} runs)`,
  );
}

function printBulletin({ bulletin }: BenchReport): void {
  console.log(
    `\nbulletin, ${bulletin.awards.toLocaleString('en-US')} awards: ` +
      `from kept figures ${bulletin.kept.itemsRead} items in ${bulletin.kept.requests} request, ` +
      `${ms(bulletin.kept.ms)} ms to figures and PDF;` +
      `\n  full scan ${bulletin.fullScan.itemsRead.toLocaleString('en-US')} items, ` +
      `recount ${ms(bulletin.fullScan.recountMs)} ms, ${ms(bulletin.fullScan.ms)} ms to figures and PDF ` +
      `(reads: ${Math.round(bulletin.fullScan.itemsRead / bulletin.kept.itemsRead).toLocaleString('en-US')}× more)`,
  );
}

function printPipeline({ pipeline }: BenchReport): void {
  if (!pipeline.measured) {
    console.log(`\npipeline: not measured (${pipeline.reason})`);
    return;
  }
  const { burst, rendersPerApproval, cost } = pipeline.figures;
  console.log(
    `\npipeline burst: ${burst.approvals} approvals, ${burst.documents} documents in ${burst.seconds} s, ` +
      `${burst.documentsPerSecond} docs/s, approval→stored p50 ${burst.latencyP50Ms} ms, p95 ${burst.latencyP95Ms} ms`,
  );
  const kinds = Object.entries(rendersPerApproval).map(([kind, n]) => `${kind} ${n}`);
  console.log(`  renders per approval: ${kinds.join(', ')}`);
  // The inputs are in the JSON line; `npm run bench:pipeline` prints them as tables.
  console.log(`  cost per 10,000 documents: ${cost.per10kDocumentsUsd.toFixed(4)} USD (${String(cost.inputs.kind)})`);
}

function formatActual(t: TargetResult): string {
  if (t.actual === undefined) return 'not measured';
  if (t.unit === '×') return times(t.actual);
  if (t.unit === 'ms') return `${ms(t.actual)} ms`;
  if (t.unit === 'USD') return `${t.actual.toFixed(4)} USD`;
  return `${int(t.actual)} ${t.unit}`.trimEnd();
}

function printTargets({ targets }: BenchReport): void {
  console.log('\ntargets:');
  for (const t of targets) {
    const verdict = t.pass === null ? 'INFO' : t.pass ? 'PASS' : 'FAIL';
    const reason = t.notMeasured ? `   (${t.notMeasured})` : '';
    console.log(
      `  ${verdict}  ${t.label.padEnd(40)} ${formatActual(t).padStart(14)}   target ${describeBound(t)}${reason}`,
    );
  }
  const failed = targets.filter((t) => t.pass === false);
  console.log(
    failed.length === 0
      ? '  all targets met'
      : `  *** ${failed.length} target(s) FAILED or not measured: ${failed.map((t) => t.key).join(', ')} ***`,
  );
}

export function printReport(report: BenchReport): void {
  console.log(
    `\nnpm run bench — ${report.machine}, load average ${report.loadBefore.toFixed(2)} before, ` +
      `${report.loadAfter.toFixed(2)} after\n`,
  );
  printTimings(report);
  printComparisons(report);
  printColdStart(report);
  printBulletin(report);
  printPipeline(report);
  printTargets(report);
}

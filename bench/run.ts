/**
 * npm run bench: the certificate by our engine against two peers (Typst, pdfmake) interleaved
 * round by round, the other document kinds warmed up until steady, what signing adds, the cold
 * start of the synthesized render bundle, the bulletin, and the pipeline's figures from
 * `npm run bench:pipeline` (skipped with --no-pipeline), checked against the targets.
 *
 * stdout: a readable report, then, as the very last line, one JSON object with every figure.
 * stderr: progress. Exits 0 even when a target fails: this is a report, not a gate.
 * Run it on an otherwise idle machine, and more than once: the spread between runs is part of
 * the result. (`node --expose-gc` makes it collect garbage between measurements; not required.)
 */
import os from 'node:os';
import type { RoundsPlan } from './interleavedRounds.js';
import { measureBulletin } from './measureBulletin.js';
import { type BundleColdStart, measureBundleColdStart } from './measureBundleColdStart.js';
import { type CertificateContest, measureCertificateContest } from './measureCertificateContest.js';
import { type DocumentResults, LARGE_ORDER_AWARDEES, measureOtherDocuments } from './measureOtherDocuments.js';
import { measureSigning, type SigningMeasurement } from './measureSigning.js';
import { type PipelineOutcome, runPipelineBench } from './pipelineFigures.js';
import { printReport } from './printReport.js';
import { evaluate, type Target, type TargetResult, targetJson } from './targets.js';
import { useRunTemp } from './runTemp.js';

useRunTemp('awards-bench-');

/**
 * Warm-up runs until the median of each renderer's last 20 renders moves less than 3 % from the
 * 20 before (at least `minWarmupRounds`, at most `maxWarmupRounds`); then the timed rounds.
 */
const STEADY = { window: 20, tolerance: 0.03 } as const;
const CERTIFICATE_PLAN: RoundsPlan = { ...STEADY, minWarmupRounds: 100, maxWarmupRounds: 400, timedRounds: 200 };
const COLD_RUNS = 5;

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

function pipelineTargets(pipeline: PipelineOutcome): Target[] {
  const notMeasured = pipeline.measured ? undefined : pipeline.reason;
  const figures = pipeline.measured ? pipeline.figures : undefined;
  const renders = figures?.rendersPerApproval ?? {};
  return [
    {
      key: 'pipelineDocsPerSecond',
      label: 'pipeline burst, documents per second',
      actual: figures?.burst.documentsPerSecond,
      limit: 150,
      bound: 'min',
      unit: 'docs/s',
      notMeasured,
    },
    {
      key: 'pipelineP95Ms',
      label: 'pipeline burst, approval→stored p95',
      actual: figures?.burst.latencyP95Ms,
      limit: 2000,
      bound: 'below',
      unit: 'ms',
      notMeasured,
    },
    {
      key: 'rendersPerApproval',
      label: 'renders per approval (largest kind)',
      actual: figures ? Math.max(...Object.values(renders)) : undefined,
      limit: 1,
      bound: 'eachEqual',
      unit: '',
      notMeasured,
      each: renders,
      details: { byKind: renders },
    },
    {
      key: 'costPer10kDocumentsUsd',
      label: 'cost per 10,000 documents',
      actual: figures?.cost.per10kDocumentsUsd,
      limit: null,
      bound: 'none',
      unit: 'USD',
      notMeasured,
      details: { inputs: figures?.cost.inputs ?? null },
    },
  ];
}

function evaluateTargets(
  contest: CertificateContest,
  signing: SigningMeasurement,
  cold: BundleColdStart,
  docs: DocumentResults,
  pipeline: PipelineOutcome,
): TargetResult[] {
  const spread = ({ p25, p75, rounds }: { p25: number; p75: number; rounds: number }) => ({ p25, p75, rounds });
  const targets: Target[] = [
    {
      key: 'certificateVsTypst',
      label: 'certificate, ours / Typst (per round)',
      actual: contest.oursOverTypst.median,
      limit: 0.8,
      bound: 'max',
      unit: '×',
      details: spread(contest.oursOverTypst),
    },
    {
      key: 'certificateVsPdfmake',
      label: 'certificate, pdfmake / ours (per round)',
      actual: contest.pdfmakeOverOurs.median,
      limit: 5,
      bound: 'min',
      unit: '×',
      details: spread(contest.pdfmakeOverOurs),
    },
    {
      key: 'signingAddsMs',
      label: 'signing adds (signed − unsigned)',
      actual: signing.signingAdds.median,
      limit: 3,
      bound: 'max',
      unit: 'ms',
      details: spread(signing.signingAdds),
    },
    {
      key: 'coldStartBundleMs',
      label: 'bundle cold start, spawn→PDF stored',
      actual: cold.stubbed.pdfStoredMs,
      limit: 250,
      bound: 'max',
      unit: 'ms',
      details: { runs: cold.stubbed.runs },
    },
    {
      key: 'order300Ms',
      label: `${LARGE_ORDER_AWARDEES}-awardee order, median`,
      actual: docs.commendationOrder300.p50,
      limit: 40,
      bound: 'max',
      unit: 'ms',
      details: { p25: docs.commendationOrder300.p25, p75: docs.commendationOrder300.p75 },
    },
    ...pipelineTargets(pipeline),
    {
      key: 'certificateBytes',
      label: 'certificate size',
      actual: contest.ours.bytes,
      limit: 60_000,
      bound: 'max',
      unit: 'bytes',
    },
    {
      key: 'orderBytesPerPage',
      label: 'commendation order per page',
      actual: docs.commendationOrder.bytesPerPage,
      limit: 30_000,
      bound: 'max',
      unit: 'bytes',
    },
    {
      key: 'order300BytesPerPage',
      label: `${LARGE_ORDER_AWARDEES}-awardee order per page`,
      actual: docs.commendationOrder300.bytesPerPage,
      limit: 30_000,
      bound: 'max',
      unit: 'bytes',
    },
  ];
  return targets.map(evaluate);
}

/** Rounds every number to 2 decimals so the JSON line stays readable. */
function roundedJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v));
}

const withPipeline = !process.argv.includes('--no-pipeline');
const gcExposed = typeof (globalThis as { gc?: unknown }).gc === 'function';
const machine = `node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}`;
const loadBefore = os.loadavg()[0]!;
progress(`${machine}, load ${loadBefore.toFixed(2)}, gc ${gcExposed ? 'exposed' : 'not exposed'}`);

// Cold start first, while this process has loaded nothing heavy and leaves the CPU to the children.
const cold = await measureBundleColdStart(COLD_RUNS, progress);
progress('certificate: ours, Typst and pdfmake interleaved, warm-up until steady, then 200 timed rounds');
const contest = await measureCertificateContest(CERTIFICATE_PLAN);
const docs = await measureOtherDocuments(STEADY, progress);
progress('signing: certificates signed and unsigned interleaved, then signing alone');
const signing = await measureSigning(CERTIFICATE_PLAN);
progress('bulletin: 100,000 generated awards, kept counters against a full recount');
const bulletin = await measureBulletin();
progress(withPipeline ? 'pipeline: npm run bench:pipeline' : 'pipeline: skipped (--no-pipeline)');
const pipeline: PipelineOutcome = withPipeline
  ? await runPipelineBench()
  : { measured: false, reason: 'skipped: --no-pipeline' };
const targets = evaluateTargets(contest, signing, cold, docs, pipeline);
const loadAfter = os.loadavg()[0]!;

printReport({ machine, loadBefore, loadAfter, contest, signing, docs, cold, bulletin, pipeline, targets });
console.log(
  roundedJson({
    machine,
    loadAverage: { before: loadBefore, after: loadAfter },
    certificate: contest,
    signing,
    documents: docs,
    coldStart: cold,
    bulletin,
    pipeline: pipeline.measured ? pipeline.figures : { notMeasured: pipeline.reason },
    targets: Object.fromEntries(targets.map((t) => [t.key, targetJson(t)])),
  }),
);

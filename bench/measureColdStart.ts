/**
 * Cold start: bundles bench/coldStart.ts with esbuild into .bench/cold.mjs and runs it in fresh
 * `node` processes, one after another.
 *
 * The bundle sits inside the repository on purpose: the engine finds the HarfBuzz wasm and the
 * font files with require.resolve from the bundle's own location, which must reach node_modules.
 * Templates are not bundled; AWARD_TEMPLATES_DIR points the probe at the repository's copy.
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { PLAIN_BUNDLING } from '../infra/constructs/PipelineFunction.js';
import { median } from './stats.js';

const REPO_DIR = fileURLToPath(new URL('../', import.meta.url));
const PROBE_SOURCE = fileURLToPath(new URL('./coldStart.ts', import.meta.url));
const BUNDLE_DIR = `${REPO_DIR}.bench`;
const BUNDLE_FILE = `${BUNDLE_DIR}/cold.mjs`;

/** What the probe prints: times since its own process started. */
interface ProbeReport {
  modulesLoadedMs: number;
  firstCertificateMs: number;
  bytes: number;
  pages: number;
}

/** One cold run, as seen from both sides. */
export interface ColdRun {
  /** Parent: spawn → the probe's result line arrives (node boot + load + fonts + first render). */
  spawnToResultMs: number;
  /** Parent: spawn → process exit (adds the probe's teardown). */
  spawnToExitMs: number;
  /** Child: process start → bundle evaluated. */
  modulesLoadedMs: number;
  /** Child: process start → first certificate rendered. */
  inProcessMs: number;
}

export interface ColdStartSummary {
  runs: number;
  /** Medians over the runs. */
  spawnToExitMs: number;
  spawnToResultMs: number;
  modulesLoadedMs: number;
  inProcessMs: number;
  bundleBytes: number;
  certificateBytes: number;
}

async function bundleProbe(): Promise<number> {
  await mkdir(BUNDLE_DIR, { recursive: true });
  const result = await build({
    entryPoints: [PROBE_SOURCE],
    outfile: BUNDLE_FILE,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    bundle: true,
    // As the Lambda bundle does: CommonJS dependencies (qrcode, handlebars) require() Node's modules.
    banner: { js: PLAIN_BUNDLING.banner! },
    metafile: true,
    logLevel: 'warning',
  });
  return result.metafile.outputs[BUNDLE_FILE.slice(REPO_DIR.length)]?.bytes ?? 0;
}

/** Runs the bundle once in a plain `node` (none of tsx's loader flags) and times it from outside. */
function runProbeOnce(): Promise<ColdRun & { bytes: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let spawnToResultMs: number | undefined;
    let stdout = '';
    let stderr = '';
    const child = spawn(process.execPath, [BUNDLE_FILE, 'examples/merit-zhang-peng.json'], {
      cwd: REPO_DIR,
      env: { ...process.env, AWARD_TEMPLATES_DIR: `${REPO_DIR}templates` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (spawnToResultMs === undefined && stdout.includes('\n')) spawnToResultMs = performance.now() - start;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const spawnToExitMs = performance.now() - start;
      if (code !== 0) return reject(new Error(`cold-start probe exited with ${code}: ${stderr.trim()}`));
      const report = JSON.parse(stdout.trim().split('\n').pop()!) as ProbeReport;
      resolve({
        spawnToResultMs: spawnToResultMs ?? spawnToExitMs,
        spawnToExitMs,
        modulesLoadedMs: report.modulesLoadedMs,
        inProcessMs: report.firstCertificateMs,
        bytes: report.bytes,
      });
    });
  });
}

export async function measureColdStart(runs: number): Promise<ColdStartSummary> {
  const bundleBytes = await bundleProbe();
  const results: (ColdRun & { bytes: number })[] = [];
  // Sequential: parallel processes would compete for the CPU and inflate each other's times.
  for (let i = 0; i < runs; i++) results.push(await runProbeOnce());
  const medianOf = (pick: (run: ColdRun) => number) => median(results.map(pick));
  return {
    runs,
    spawnToExitMs: medianOf((r) => r.spawnToExitMs),
    spawnToResultMs: medianOf((r) => r.spawnToResultMs),
    modulesLoadedMs: medianOf((r) => r.modulesLoadedMs),
    inProcessMs: medianOf((r) => r.inProcessMs),
    bundleBytes,
    certificateBytes: results[0]?.bytes ?? 0,
  };
}

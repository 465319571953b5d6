/** One fresh `node` process running the render asset's handler on one stream event, timed from outside. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const INVOKE_HANDLER = fileURLToPath(new URL('./invokeHandler.mjs', import.meta.url));

/** What the child prints: its own clock's origin and when each step ended on it. */
interface ChildReport {
  readonly timeOrigin: number;
  readonly evaluatedMs: number;
  readonly handledMs: number;
  readonly response: unknown;
}

export interface ColdRun {
  /** Benchmark clock (performance.now()) when the process was spawned. */
  readonly spawnedAt: number;
  /** Spawn → the child's clock starts (node itself booting), across the two processes' clocks. */
  readonly bootMs: number;
  /** Spawn → index.mjs evaluated (the bundle's modules and their top-level code). */
  readonly evaluatedMs: number;
  /** Spawn → the handler returned. */
  readonly handledMs: number;
  /** Spawn → process exit. */
  readonly exitMs: number;
  readonly response: unknown;
}

export interface ColdRunOptions {
  readonly indexFile: string;
  readonly event: unknown;
  readonly environment: Record<string, string>;
  /** Node's own source-map support (what NODE_OPTIONS=--enable-source-maps turns on). */
  readonly sourceMaps: boolean;
}

/** Asynchronous, so servers in this process (the fake endpoints, the S3 server) keep answering. */
export function spawnColdRun({ indexFile, event, environment, sourceMaps }: ColdRunOptions): Promise<ColdRun> {
  return new Promise((resolve, reject) => {
    const args = [...(sourceMaps ? ['--enable-source-maps'] : []), INVOKE_HANDLER, indexFile, JSON.stringify(event)];
    const spawnedAt = performance.now();
    const child = spawn(process.execPath, args, { env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const exitMs = performance.now() - spawnedAt;
      if (code !== 0) return reject(new Error(`cold-start child exited with ${code}: ${stderr.trim()}`));
      const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildReport;
      const bootMs = report.timeOrigin - (performance.timeOrigin + spawnedAt);
      resolve({
        spawnedAt,
        bootMs,
        evaluatedMs: bootMs + report.evaluatedMs,
        handledMs: bootMs + report.handledMs,
        exitMs,
        response: report.response,
      });
    });
  });
}

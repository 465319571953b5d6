/**
 * The pipeline's figures, from `npm run bench:pipeline` run as a child process: its last stdout
 * line is one JSON object (burst throughput and latency, renders per approval by kind, cost).
 * A run that fails or prints something else is reported as not measured, with the reason.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO_DIR = fileURLToPath(new URL('../', import.meta.url));

export interface PipelineFigures {
  readonly burst: {
    readonly approvals: number;
    readonly documents: number;
    readonly seconds: number;
    readonly documentsPerSecond: number;
    readonly latencyP50Ms: number;
    readonly latencyP95Ms: number;
  };
  readonly rendersPerApproval: Readonly<Record<string, number>>;
  readonly cost: { readonly per10kDocumentsUsd: number; readonly inputs: Readonly<Record<string, unknown>> };
}

export type PipelineOutcome =
  | { readonly measured: true; readonly figures: PipelineFigures }
  | { readonly measured: false; readonly reason: string };

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The reason `value` does not keep the contract, or undefined when it does. */
export function contractBreach(value: unknown): string | undefined {
  const figures = value as Partial<PipelineFigures> | null;
  const burst = figures?.burst;
  if (!burst) return 'no "burst" object';
  for (const field of ['documentsPerSecond', 'latencyP95Ms'] as const)
    if (!isNumber(burst[field])) return `burst.${field} is not a number`;
  const renders = figures.rendersPerApproval;
  if (!renders || Object.keys(renders).length === 0) return 'no "rendersPerApproval" by kind';
  if (!Object.values(renders).every(isNumber)) return 'a rendersPerApproval figure is not a number';
  if (!isNumber(figures.cost?.per10kDocumentsUsd)) return 'cost.per10kDocumentsUsd is not a number';
  return undefined;
}

/** Reads `stdout`'s last non-empty line as the pipeline's figures. */
export function parsePipelineOutput(stdout: string): PipelineOutcome {
  const last = stdout.trim().split('\n').at(-1) ?? '';
  let value: unknown;
  try {
    value = JSON.parse(last);
  } catch {
    return { measured: false, reason: `npm run bench:pipeline's last line is not JSON: ${last.slice(0, 120)}` };
  }
  const breach = contractBreach(value);
  return breach
    ? { measured: false, reason: `npm run bench:pipeline's last line breaks the contract: ${breach}` }
    : { measured: true, figures: value as PipelineFigures };
}

/** Runs `npm run bench:pipeline`, its progress passed through to stderr. */
export function runPipelineBench(): Promise<PipelineOutcome> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'bench:pipeline'], {
      cwd: REPO_DIR,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', (error) => resolve({ measured: false, reason: `npm run bench:pipeline: ${error.message}` }));
    child.on('close', (code) =>
      resolve(
        code === 0
          ? parsePipelineOutput(stdout)
          : { measured: false, reason: `npm run bench:pipeline exited with ${code}` },
      ),
    );
  });
}

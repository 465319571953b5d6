import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { assertPortFree } from '../../local/ports.js';

export interface StackProcess {
  readonly child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** Resolves once it has printed a line containing `text`; fails with its output after `timeoutMs`. */
  printed(text: string, timeoutMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

/**
 * `npm start` as a separate process: node itself running scripts/start.ts (so its pid is the
 * stack's), or npm when `viaNpm` is set; in a process group of its own when `group` is set, as a
 * crash test kills it.
 */
export function startStackProcess(args: readonly string[], { group = false, viaNpm = false } = {}): StackProcess {
  const [command, ...commandArgs] = viaNpm
    ? ['npm', 'start', '--', ...args]
    : [process.execPath, '--import', 'tsx', 'scripts/start.ts', ...args];
  const child = spawn(command!, commandArgs, { detached: group, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => text,
    async printed(expected, timeoutMs = 240_000) {
      const deadline = Date.now() + timeoutMs;
      while (!text.includes(expected)) {
        if (child.exitCode !== null || Date.now() > deadline) {
          throw new Error(`npm start did not print "${expected}" (exit ${child.exitCode}); its output:\n${text}`);
        }
        await sleep(100);
      }
    },
  };
}

/** Waits until nothing listens on any of the ports; fails naming those still held after `timeoutMs`. */
export async function portsFreed(ports: readonly number[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const held: number[] = [];
    for (const port of ports) await assertPortFree(port, 'port').catch(() => held.push(port));
    if (held.length === 0) return;
    if (Date.now() > deadline) throw new Error(`ports still held ${timeoutMs} ms after the kill: ${held.join(', ')}`);
    await sleep(100);
  }
}

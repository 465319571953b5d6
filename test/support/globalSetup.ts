import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What a process was started as, and with: '' for a process gone or not readable. */
function read(pid: string, file: 'cmdline' | 'environ'): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/**
 * Names this test run in every DynamoDB Local and `npm start` process its tests start (through
 * LOCAL_STACK_OWNER, which they inherit), and ends any still running when the run is over,
 * passed or failed: a suite that dies in its hooks leaves no JVM or server behind.
 *
 * Gives the run a temporary folder of its own (TMPDIR, which os.tmpdir() reads and every worker,
 * stack and browser inherits) and removes it at the end: one run of the suite makes thousands of
 * folders (rasters, stacks, a 250 MB cloud assembly per synth) that filled a 250 GB disk in a day.
 */
export default function setup(): () => void {
  const owner = `vitest-${process.pid}-${Date.now()}`;
  process.env.LOCAL_STACK_OWNER = owner;
  const runTemp = mkdtempSync(join(tmpdir(), 'awards-test-run-'));
  process.env.TMPDIR = runTemp;
  return () => {
    const left = readdirSync('/proc').filter((pid) => {
      if (!/^\d+$/.test(pid) || Number(pid) === process.pid) return false;
      const commandLine = read(pid, 'cmdline');
      const ours =
        read(pid, 'environ').includes(`LOCAL_STACK_OWNER=${owner}`) && commandLine.includes('scripts/start.ts');
      return ours || commandLine.includes(`-Dlocal.stack.owner=${owner}`);
    });
    for (const pid of left) {
      try {
        process.kill(Number(pid), 'SIGKILL');
      } catch {
        // Gone meanwhile.
      }
    }
    if (left.length > 0) console.error(`test teardown: ended ${left.length} local stack process(es) left behind`);
    rmSync(runTemp, { recursive: true, force: true });
  };
}

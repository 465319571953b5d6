import { readdirSync, readFileSync } from 'node:fs';

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
 */
export default function setup(): () => void {
  const owner = `vitest-${process.pid}-${Date.now()}`;
  process.env.LOCAL_STACK_OWNER = owner;
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
  };
}

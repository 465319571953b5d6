import { readFileSync } from 'node:fs';

/** A process's command line, or '' where it cannot be read (gone, or no /proc). */
function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

function parentOf(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (command) state ppid …"; the command may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Calls `then` once this process has lost what started it: its parent, or, when the parent is
 * the `sh -c` that npm runs scripts in, npm itself (killed, the shell would stay and keep this
 * process alive). Checked every second; the timer does not keep the process alive.
 */
export function onOrphaned(then: () => void): void {
  const watched = [process.ppid];
  const shellParent = commandLine(process.ppid).split('\0');
  const grandparent = parentOf(process.ppid);
  if (
    /(^|\/)sh$/.test(shellParent[0] ?? '') &&
    shellParent[1] === '-c' &&
    grandparent !== undefined &&
    grandparent > 1
  ) {
    watched.push(grandparent);
  }
  const timer = setInterval(() => {
    if (process.ppid === watched[0] && watched.every(isAlive)) return;
    clearInterval(timer);
    then();
  }, 1_000);
  timer.unref();
}

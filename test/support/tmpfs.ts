import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A small filesystem that fills as a disk does, mounted where a test wants its files; root only. */
export interface Tmpfs {
  /** Mounts a tmpfs of `size` (e.g. '4m') at `path`; false where this machine does not allow it. */
  mount(path: string, size: string): boolean;
  /** Gives a mounted tmpfs another size, keeping its files. */
  resize(path: string, size: string): void;
  /** Unmounts every tmpfs it mounted. */
  unmountAll(): void;
}

export function tmpfs(): Tmpfs {
  const mounted: string[] = [];
  return {
    mount(path, size) {
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', path], { stdio: 'ignore' });
        mounted.push(path);
        return true;
      } catch {
        return false;
      }
    },
    resize(path, size) {
      execFileSync('mount', ['-o', `remount,size=${size}`, path]);
    },
    unmountAll() {
      for (const path of mounted.splice(0)) execFileSync('umount', ['-l', path]);
    },
  };
}

/** Whether a test may mount a tmpfs here (it runs as root, in a namespace that allows it). */
/**
 * Whether a test that fills a tmpfs runs here: where tmpfs cannot be mounted (not root) it is
 * skipped, but never in CI, which runs as root: there it runs, and fails if the mount fails.
 */
export function runsTmpfsTests(): boolean {
  return process.env.CI === 'true' || canMountTmpfs();
}

export function canMountTmpfs(): boolean {
  const probe = mkdtempSync(join(tmpdir(), 'tmpfs-probe-'));
  const mounts = tmpfs();
  const can = mounts.mount(probe, '64k');
  mounts.unmountAll();
  rmSync(probe, { recursive: true, force: true });
  return can;
}

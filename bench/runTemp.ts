import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Points this process's temporary files (os.tmpdir() reads TMPDIR on every call), and its
 * children's, at a folder of its own, removed when the process exits: a bench run makes a 250 MB
 * cloud assembly, stacks' data and rasters that would otherwise stay in /tmp.
 */
export function useRunTemp(prefix: string): void {
  if (process.env.AWARDS_RUN_TEMP !== undefined) return;
  const folder = mkdtempSync(join(tmpdir(), prefix));
  process.env.TMPDIR = folder;
  // A child (npm run bench:pipeline) works inside its parent's folder and leaves the removal to it.
  process.env.AWARDS_RUN_TEMP = folder;
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
}

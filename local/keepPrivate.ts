import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const PRIVATE_FOLDER = 0o700;
const PRIVATE_FILE = 0o600;

/**
 * Makes a data folder its owner's alone: it holds every name, unit and deed, the documents and
 * who downloaded what. From here on this process creates files 0600 and folders 0700 (a umask,
 * which the DynamoDB Local JVM and s3rver's writes inherit: neither has an option for modes);
 * what an earlier run left readable is made private now.
 */
export function keepPrivate(dataDir: string): void {
  const previous = process.umask(0o077);
  process.umask(previous | 0o077);
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_FOLDER });
  restrict(dataDir);
}

function restrict(path: string): void {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  // Gone since its folder was read (a partial file renamed into place), or a link: left alone.
  if (stat === undefined || stat.isSymbolicLink()) return;
  const mode = stat.isDirectory() ? PRIVATE_FOLDER : PRIVATE_FILE;
  if ((stat.mode & 0o777) !== mode) chmodSync(path, mode);
  if (stat.isDirectory()) for (const name of readdirSync(path)) restrict(join(path, name));
}

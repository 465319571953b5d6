import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** The replacement of each file in progress: a second one waits for the first, rather than share its partial file. */
const inProgress = new Map<string, Promise<unknown>>();

/**
 * Replaces the file at `path` whole: writes the content beside it (`<path>.partial`) and renames
 * that into place once every byte is written, so a process that dies meanwhile, or a write the disk
 * refuses, leaves the earlier file or none — never an empty or truncated one. A failed write
 * removes its partial file and rejects. Replacements of one path in this process run one at a time.
 * `through` sees every byte on its way (to measure it).
 */
export function replaceFile(path: string, content: string | Buffer | Readable, through?: Transform): Promise<void> {
  const earlier = inProgress.get(path) ?? Promise.resolve();
  const replaced = earlier.catch(() => {}).then(() => writeThenRename(path, content, through));
  inProgress.set(path, replaced);
  const forget = () => {
    if (inProgress.get(path) === replaced) inProgress.delete(path);
  };
  replaced.then(forget, forget);
  return replaced;
}

async function writeThenRename(path: string, content: string | Buffer | Readable, through?: Transform) {
  const partial = `${path}.partial`;
  const source = content instanceof Readable ? content : Readable.from([Buffer.from(content)]);
  try {
    await (through
      ? pipeline(source, through, createWriteStream(partial))
      : pipeline(source, createWriteStream(partial)));
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

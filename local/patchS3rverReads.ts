import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { replaceFile } from './replaceFile.js';

interface FilesystemStore {
  getResourcePath(bucket: string, key: string | undefined, resource: string): string;
  getMetadata(bucket: string, key: string): Promise<Record<string, unknown>>;
  getSubresource(bucket: string, key: string | undefined, type: string): Promise<unknown>;
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** An object's stored metadata; none when the file is missing, empty or not a JSON object. */
async function readStoredMetadata(path: string): Promise<Record<string, unknown> | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  try {
    const json: unknown = JSON.parse(text);
    return typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The object's MD5 as kept beside it, or computed again (and kept, if the disk lets it) when that file is not one. */
async function objectMd5(objectPath: string): Promise<string> {
  try {
    const kept = await readFile(`${objectPath}.md5`, 'utf8');
    if (/^[0-9a-f]{32}$/.test(kept)) return kept;
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  const md5 = createHash('md5');
  for await (const chunk of createReadStream(objectPath)) md5.update(chunk as Buffer);
  const digest = md5.digest('hex');
  await replaceFile(`${objectPath}.md5`, digest).catch(() => {});
  return digest;
}

let patched = false;

/**
 * s3rver fails every read of an object whose metadata file is empty or cut short (JSON.parse
 * throws: an S3 500), and takes an empty MD5 file for the object's ETag. Such files are what a
 * write cut by a crash or a full disk left before its writes were made whole (patchS3rverWrites),
 * and a data folder may still hold them. Its reads are replaced once by ones that take such a
 * file for absent: the object is answered without its metadata — for the pipeline, an object
 * whose SHA-256 it cannot confirm, so its next put writes the object and its metadata again —
 * and an MD5 is computed from the object's bytes. An empty subresource (an object's tags) is
 * absent likewise.
 */
export function patchS3rverReads(): void {
  if (patched) return;
  patched = true;
  const store = createRequire(import.meta.url)('s3rver/lib/stores/filesystem.js') as { prototype: FilesystemStore };
  store.prototype.getMetadata = async function getMetadata(this: FilesystemStore, bucket: string, key: string) {
    const objectPath = this.getResourcePath(bucket, key, 'object');
    // Throws ENOENT when the object is not there, which s3rver answers as NoSuchKey.
    const stats = await stat(objectPath);
    const [stored, md5] = await Promise.all([
      readStoredMetadata(this.getResourcePath(bucket, key, 'metadata.json')),
      objectMd5(objectPath),
    ]);
    return {
      ...stored,
      etag: JSON.stringify(md5),
      'last-modified': stats.mtime.toUTCString(),
      'content-length': stats.size,
    };
  };
  const getSubresource = store.prototype.getSubresource;
  store.prototype.getSubresource = async function tolerantGetSubresource(
    this: FilesystemStore,
    bucket: string,
    key: string | undefined,
    type: string,
  ) {
    const size = await stat(this.getResourcePath(bucket, key, `${type}.xml`)).then(
      (stats) => stats.size,
      () => undefined,
    );
    return size === 0 ? null : getSubresource.call(this, bucket, key, type);
  };
}

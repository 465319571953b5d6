import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

interface StoredObject {
  bucket: string;
  key: string;
  metadata: Record<string, string>;
  content: Buffer | Readable;
}

interface FilesystemStore {
  getResourcePath(bucket: string, key: string, resource: string): string;
  putMetadata(bucket: string, key: string, metadata: Record<string, string>, md5: string): Promise<void>;
  putObject(object: StoredObject): Promise<{ size: number; md5: string }>;
}

let patched = false;

/**
 * s3rver writes an object through a file stream whose errors nobody listens to: a full disk
 * (ENOSPC) or any other write failure is an unhandled 'error' that ends the whole process, and
 * it answers before the bytes are on disk. Its putObject is replaced once by one that writes the
 * object beside its final name and renames it into place when every byte is written, so that:
 * - a write failure is a rejected promise, which s3rver answers as an S3 500 InternalError (the
 *   pipeline retries it) and the partial file is removed;
 * - a crash mid-write leaves the earlier object, or none, never a truncated one.
 */
export function patchS3rverWrites(): void {
  if (patched) return;
  patched = true;
  const store = createRequire(import.meta.url)('s3rver/lib/stores/filesystem.js') as { prototype: FilesystemStore };
  store.prototype.putObject = async function putObject(this: FilesystemStore, object: StoredObject) {
    const path = this.getResourcePath(object.bucket, object.key, 'object');
    const partial = `${path}.partial`;
    await mkdir(dirname(path), { recursive: true });
    const md5 = createHash('md5');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        md5.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    const content = Buffer.isBuffer(object.content) ? Readable.from([object.content]) : object.content;
    try {
      await pipeline(content, measure, createWriteStream(partial));
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    const digest = md5.digest('hex');
    await this.putMetadata(object.bucket, object.key, object.metadata, digest);
    return { size, md5: digest };
  };
}

import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { replaceFile } from './replaceFile.js';

interface StoredObject {
  bucket: string;
  key: string;
  metadata: Record<string, string>;
  content: Buffer | Readable;
}

interface Subresource {
  type: string;
  toXML(indent: number): string;
}

interface FilesystemStore {
  getResourcePath(bucket: string, key: string | undefined, resource: string): string;
  putMetadata(bucket: string, key: string, metadata: Record<string, string>, md5?: string): Promise<void>;
  putObject(object: StoredObject): Promise<{ size: number; md5: string }>;
  putSubresource(bucket: string, key: string | undefined, resource: Subresource): Promise<void>;
}

let patched = false;

/**
 * s3rver writes an object, its MD5 and its metadata each straight into its file (a file stream
 * whose errors nobody listens to, then two writeFile calls), and an object's tags likewise: a full
 * disk (ENOSPC) ended the whole process, and a process that died mid-write, or a disk that filled
 * between opening and writing, left an empty or truncated file that every later read trips over.
 * Its writes are replaced once by ones that write each file beside its name and rename it into
 * place (`replaceFile`), so that:
 * - a write failure is a rejected promise, which s3rver answers as an S3 500 InternalError (the
 *   pipeline retries it) and the partial file is removed;
 * - whatever dies, each file is the earlier one, or none, or the new one whole. The object is
 *   renamed into place before its metadata: a put cut between the two leaves the new bytes with the
 *   earlier metadata (or none), whose SHA-256 then differs, so the pipeline's next put writes it
 *   again — never new metadata over old bytes, which it would take for stored.
 */
export function patchS3rverWrites(): void {
  if (patched) return;
  patched = true;
  const require = createRequire(import.meta.url);
  const store = require('s3rver/lib/stores/filesystem.js') as { prototype: FilesystemStore };
  // The headers s3rver keeps with an object (beside the user's x-amz-meta-*), as its own putMetadata keeps them.
  const kept = new Set((require('s3rver/lib/models/object.js') as { ALLOWED_METADATA: string[] }).ALLOWED_METADATA);
  store.prototype.putObject = async function putObject(this: FilesystemStore, object: StoredObject) {
    const path = this.getResourcePath(object.bucket, object.key, 'object');
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
    await replaceFile(path, content, measure);
    const digest = md5.digest('hex');
    await this.putMetadata(object.bucket, object.key, object.metadata, digest);
    return { size, md5: digest };
  };
  store.prototype.putMetadata = async function putMetadata(
    this: FilesystemStore,
    bucket: string,
    key: string,
    metadata: Record<string, string>,
    md5?: string,
  ) {
    const json = Object.fromEntries(
      Object.entries(metadata).filter(([name]) => kept.has(name) || name.startsWith('x-amz-meta-')),
    );
    if (md5) await replaceFile(this.getResourcePath(bucket, key, 'object.md5'), md5);
    await replaceFile(this.getResourcePath(bucket, key, 'metadata.json'), JSON.stringify(json, null, 2));
  };
  store.prototype.putSubresource = async function putSubresource(
    this: FilesystemStore,
    bucket: string,
    key: string | undefined,
    resource: Subresource,
  ) {
    await replaceFile(this.getResourcePath(bucket, key, `${resource.type}.xml`), resource.toXML(2));
  };
}

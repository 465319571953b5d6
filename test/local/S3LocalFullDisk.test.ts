import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { DOCUMENTS_BUCKET, documentKey } from '../../functions/definitions/documentsBucket.js';
import { createDocumentsBucket } from '../../local/createResources.js';
import { freePort } from '../../local/ports.js';
import { startS3Local } from '../../local/S3Local.js';
import { runsTmpfsTests, tmpfs } from '../support/tmpfs.js';

const PAGE = 4096;
const mounts = tmpfs();

afterAll(() => mounts.unmountAll());

function files(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(folder, entry.name)) : [join(folder, entry.name)],
  );
}

describe('the local S3 server on a disk that fills between an object and its metadata', () => {
  it.skipIf(!runsTmpfsTests())(
    'leaves no empty metadata file, and stores the object whole once there is room',
    async () => {
      const directory = mkdtempSync(join(tmpdir(), 's3-full-'));
      // 16 pages of 4 KiB; a tmpfs counts each file's pages, so what is left is exact.
      expect(mounts.mount(directory, `${16 * PAGE}`)).toBe(true);
      const s3 = await startS3Local({ port: await freePort(), directory });
      try {
        await createDocumentsBucket(s3.client, DOCUMENTS_BUCKET.defaultName);
        // Room for the object (one page) and its MD5 (one), none for its metadata.
        const filler = join(directory, 'filler');
        writeFileSync(filler, Buffer.alloc(14 * PAGE));
        // One attempt, to see the answer (the SDK would retry a 500 by itself).
        const once = new S3Client({
          endpoint: s3.endpoint,
          region: 'us-east-1',
          credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
          forcePathStyle: true,
          maxAttempts: 1,
        });
        const key = documentKey('full-between', 'certificate', 1, 'ofd');
        const put = () =>
          once.send(
            new PutObjectCommand({
              Bucket: DOCUMENTS_BUCKET.defaultName,
              Key: key,
              Body: Buffer.alloc(PAGE, 1),
              Metadata: { sha256: 'of the bytes' },
            }),
          );
        await expect(put()).rejects.toMatchObject({ $metadata: { httpStatusCode: 500 } });
        const empty = files(directory).filter((path) => statSync(path).size === 0);
        expect(empty).toEqual([]);
        // The object without its metadata: the pipeline cannot confirm it, and puts it again.
        const head = await once.send(new HeadObjectCommand({ Bucket: DOCUMENTS_BUCKET.defaultName, Key: key }));
        expect(head.Metadata).toEqual({});

        rmSync(filler);
        await put();
        const stored = await once.send(new GetObjectCommand({ Bucket: DOCUMENTS_BUCKET.defaultName, Key: key }));
        expect(stored.Metadata).toEqual({ sha256: 'of the bytes' });
        expect((await stored.Body!.transformToByteArray()).length).toBe(PAGE);
        once.destroy();
      } finally {
        await s3.stop();
      }
    },
  );
});

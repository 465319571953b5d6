import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GetObjectCommand, HeadBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENTS_BUCKET, documentKey } from '../../functions/definitions/documentsBucket.js';
import { startS3Local, type S3Local } from '../../local/S3Local.js';
import { createDocumentsBucket } from '../../local/createResources.js';
import { freePort } from '../../local/ports.js';

describe('startS3Local', () => {
  let s3: S3Local;
  let directory: string;
  let port: number;
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 's3-local-'));
    port = await freePort();
    s3 = await startS3Local({ port, directory });
    await createDocumentsBucket(s3.client, DOCUMENTS_BUCKET.defaultName);
  });
  afterAll(async () => {
    await s3?.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  it('serves the documents bucket, and creating it again is fine', async () => {
    await createDocumentsBucket(s3.client, DOCUMENTS_BUCKET.defaultName);
    await expect(
      s3.client.send(new HeadBucketCommand({ Bucket: DOCUMENTS_BUCKET.defaultName })),
    ).resolves.toBeDefined();
  });

  it('answers a write the disk refuses (ENOSPC) as an S3 500 error, keeps no partial object and goes on', async () => {
    const key = documentKey('disk-full', 'certificate', 1);
    const path = join(directory, DOCUMENTS_BUCKET.defaultName, `${key}._S3rver_object`);
    // /dev/full refuses every write with ENOSPC, as a full disk does.
    mkdirSync(dirname(path), { recursive: true });
    symlinkSync('/dev/full', `${path}.partial`);
    // One attempt, to see the answer (the SDK would retry a 500 by itself).
    const once = new S3Client({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      forcePathStyle: true,
      maxAttempts: 1,
    });
    const put = () =>
      once.send(new PutObjectCommand({ Bucket: DOCUMENTS_BUCKET.defaultName, Key: key, Body: 'x'.repeat(70_000) }));
    await expect(put()).rejects.toMatchObject({ name: 'InternalError', $metadata: { httpStatusCode: 500 } });
    expect(existsSync(`${path}.partial`)).toBe(false);
    expect(existsSync(path)).toBe(false);
    // The server is still up, and the next attempt (the pipeline's retry) stores the object.
    await put();
    const stored = await s3.client.send(new GetObjectCommand({ Bucket: DOCUMENTS_BUCKET.defaultName, Key: key }));
    expect((await stored.Body!.transformToString()).length).toBe(70_000);
    once.destroy();
  });

  it('round-trips an object with its content type and metadata, byte for byte', async () => {
    const key = documentKey('2020-NM-0001', 'certificate', 1);
    const body = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x0a]);
    await s3.client.send(
      new PutObjectCommand({
        Bucket: DOCUMENTS_BUCKET.defaultName,
        Key: key,
        Body: body,
        ContentType: DOCUMENTS_BUCKET.contentTypes.pdf,
        Metadata: { version: '1' },
      }),
    );
    const object = await s3.client.send(new GetObjectCommand({ Bucket: DOCUMENTS_BUCKET.defaultName, Key: key }));
    expect(object.ContentType).toBe(DOCUMENTS_BUCKET.contentTypes.pdf);
    expect(object.Metadata).toEqual({ version: '1' });
    expect(await object.Body?.transformToByteArray()).toEqual(body);
  });

  it('refuses a port in use, naming the flag', async () => {
    await expect(startS3Local({ port, directory })).rejects.toThrow(
      `port ${port} is in use: stop what holds it or pass --s3-port <port>`,
    );
  });
});

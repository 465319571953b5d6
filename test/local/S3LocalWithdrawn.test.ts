import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3DocumentRepository } from '../../functions/adapters/s3/S3DocumentRepository.js';
import { DOCUMENTS_BUCKET, documentKey } from '../../functions/definitions/documentsBucket.js';
import { createDocumentsBucket } from '../../local/createResources.js';
import { freePort } from '../../local/ports.js';
import { type S3Local, startS3Local } from '../../local/S3Local.js';

const Bucket = DOCUMENTS_BUCKET.defaultName;
const withdrawnTag = { Key: DOCUMENTS_BUCKET.withdrawnTag.key, Value: DOCUMENTS_BUCKET.withdrawnTag.value };

describe('the local S3 server and withdrawn objects', () => {
  let s3: S3Local;
  let directory: string;
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 's3-withdrawn-'));
    s3 = await startS3Local({ port: await freePort(), directory });
    await createDocumentsBucket(s3.client, Bucket);
  });
  afterAll(async () => {
    await s3?.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  const store = async (key: string, body: string, tags: { Key: string; Value: string }[] = []) => {
    await s3.client.send(new PutObjectCommand({ Bucket, Key: key, Body: body }));
    if (tags.length > 0)
      await s3.client.send(new PutObjectTaggingCommand({ Bucket, Key: key, Tagging: { TagSet: tags } }));
  };

  it('refuses GET and HEAD of an object tagged withdrawn with 403, signed or presigned', async () => {
    const key = documentKey('withdrawn-read', 'certificate', 1);
    await store(key, 'withdrawn bytes');
    const link = await getSignedUrl(s3.client, new GetObjectCommand({ Bucket, Key: key }), { expiresIn: 900 });
    expect((await fetch(link)).status).toBe(200);

    await s3.client.send(new PutObjectTaggingCommand({ Bucket, Key: key, Tagging: { TagSet: [withdrawnTag] } }));
    const download = await fetch(link);
    expect(download.status).toBe(403);
    expect(await download.text()).toContain('<Code>AccessDenied</Code>');
    await expect(s3.client.send(new GetObjectCommand({ Bucket, Key: key }))).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });
    await expect(s3.client.send(new HeadObjectCommand({ Bucket, Key: key }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 403 },
    });
    // The object stays, and its tags can still be read.
    const tags = await s3.client.send(new GetObjectTaggingCommand({ Bucket, Key: key }));
    expect(tags.TagSet).toEqual([withdrawnTag]);

    // Objects with no tag, or other tags, are served as before; a missing one is still NoSuchKey.
    const untagged = documentKey('untagged-read', 'certificate', 1);
    const otherTags = documentKey('other-tags-read', 'certificate', 1);
    await store(untagged, 'untagged');
    await store(otherTags, 'other tags', [
      { Key: 'withdrawn', Value: 'false' },
      { Key: 'kept', Value: 'true' },
    ]);
    for (const other of [untagged, otherTags]) {
      const object = await s3.client.send(new GetObjectCommand({ Bucket, Key: other }));
      expect(object.$metadata.httpStatusCode).toBe(200);
    }
    await expect(
      s3.client.send(new GetObjectCommand({ Bucket, Key: 'awards/none/certificate-v1.pdf' })),
    ).rejects.toMatchObject({ name: 'NoSuchKey' });
  });

  it('keeps a withdrawn document from being written over: the check before a put is refused', async () => {
    const key = documentKey('withdrawn-put', 'certificate', 1);
    const documents = new S3DocumentRepository(s3.client, Bucket);
    const document = (text: string) => ({
      key,
      format: 'pdf' as const,
      bytes: Buffer.from(text),
      sha256: createHash('sha256').update(text).digest('hex'),
      recordId: 'withdrawn-put',
      kind: 'certificate',
      version: 1,
    });
    await documents.put(document('first render'));
    await documents.markWithdrawn(key);
    await expect(documents.put(document('another render'))).rejects.toThrow('403: withdrawn, or not permitted');
    const tags = await s3.client.send(new GetObjectTaggingCommand({ Bucket, Key: key }));
    expect(tags.TagSet).toEqual([withdrawnTag]);
    // Untagged again (by hand), the object shows the first render's bytes: it was not written over.
    await s3.client.send(new PutObjectTaggingCommand({ Bucket, Key: key, Tagging: { TagSet: [] } }));
    const object = await s3.client.send(new GetObjectCommand({ Bucket, Key: key }));
    expect(await object.Body!.transformToString()).toBe('first render');
  });
});

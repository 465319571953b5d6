import { GetObjectCommand, ListObjectsV2Command, type ListObjectsV2CommandOutput, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { BulletinArchive } from '../../core/statistics/compileKeptBulletin.js';
import type { BulletinFigures } from '../../core/statistics/Figures.js';
import { bulletinKey, DOCUMENTS_BUCKET } from '../../definitions/documentsBucket.js';
import { storeError } from '../StoreError.js';

const isMissing = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
};

/** Bulletins in the documents bucket: bulletins/<cut-off>.pdf and .json (the JSON is written last). */
export class S3BulletinArchive implements BulletinArchive {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async get(cutoff: string): Promise<BulletinFigures | undefined> {
    return this.read(bulletinKey(cutoff, 'json'));
  }

  async latestBefore(cutoff: string): Promise<BulletinFigures | undefined> {
    const limit = bulletinKey(cutoff, 'json');
    let latest: string | undefined;
    let token: string | undefined;
    try {
      do {
        const page: ListObjectsV2CommandOutput = await this.s3.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: 'bulletins/', ContinuationToken: token }));
        for (const { Key } of page.Contents ?? []) {
          // Keys carry the cut-off in compact UTC, so their order is the order in time.
          if (Key?.endsWith('.json') && Key < limit && (latest === undefined || Key > latest)) latest = Key;
        }
        token = page.NextContinuationToken;
      } while (token);
    } catch (error) {
      throw storeError('listing the bulletins', error);
    }
    return latest === undefined ? undefined : this.read(latest);
  }

  async put(cutoff: string, pdf: Uint8Array, figures: BulletinFigures): Promise<void> {
    try {
      await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: bulletinKey(cutoff, 'pdf'), Body: pdf, ContentType: DOCUMENTS_BUCKET.contentType }));
      await this.s3.send(
        new PutObjectCommand({ Bucket: this.bucket, Key: bulletinKey(cutoff, 'json'), Body: JSON.stringify(figures, null, 2), ContentType: 'application/json' }),
      );
    } catch (error) {
      throw storeError(`storing the bulletin for ${cutoff}`, error);
    }
  }

  private async read(key: string): Promise<BulletinFigures | undefined> {
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return JSON.parse(await object.Body!.transformToString()) as BulletinFigures;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw storeError(`reading ${key}`, error);
    }
  }
}

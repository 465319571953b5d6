import {
  GetObjectCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { BulletinIndex } from '../../core/links/LinksService.js';
import type { ArchivedBulletin, BulletinArchive, NumberedBulletin } from '../../core/statistics/compileKeptBulletin.js';
import { bulletinKey, DOCUMENTS_BUCKET } from '../../definitions/documentsBucket.js';
import { isNotFound, storeError } from '../StoreError.js';

/**
 * Bulletins in the documents bucket: bulletins/<cut-off>.pdf, .ofd and .json, the JSON (figures and
 * 文号) written last, so a bulletin is found only once all are stored.
 */
export class S3BulletinArchive implements BulletinArchive, BulletinIndex {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async get(cutoff: string): Promise<ArchivedBulletin | undefined> {
    return this.read(bulletinKey(cutoff, 'json'));
  }

  async latestBefore(cutoff: string): Promise<ArchivedBulletin | undefined> {
    const limit = bulletinKey(cutoff, 'json');
    // Keys carry the cut-off in compact UTC, so their order is the order in time.
    const latest = (await this.keys('.json')).filter((key) => key < limit).at(-1);
    return latest === undefined ? undefined : this.read(latest);
  }

  /** Every compiled bulletin's PDF, newest first, with the cut-off it states, and its OFD when it has one. */
  async list(): Promise<{ cutoff: string; key: string; ofdKey?: string }[]> {
    const all = await this.keys();
    const ofds = new Set(all.filter((key) => key.endsWith('.ofd')));
    return all
      .filter((key) => key.endsWith('.pdf'))
      .reverse()
      .map((key) => {
        const [, y, mo, d, h, mi, s] = /(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.pdf$/.exec(key)!;
        const ofdKey = key.replace(/\.pdf$/, '.ofd');
        return { cutoff: `${y}-${mo}-${d}T${h}:${mi}:${s}Z`, key, ...(ofds.has(ofdKey) ? { ofdKey } : {}) };
      });
  }

  private async keys(extension = ''): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    try {
      do {
        const page: ListObjectsV2CommandOutput = await this.s3.send(
          new ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: DOCUMENTS_BUCKET.prefixes.bulletins,
            ContinuationToken: token,
          }),
        );
        for (const { Key } of page.Contents ?? []) if (Key?.endsWith(extension)) keys.push(Key);
        token = page.NextContinuationToken;
      } while (token);
    } catch (error) {
      throw storeError('listing the bulletins', error);
    }
    return keys.sort();
  }

  async put(
    cutoff: string,
    documents: { pdf: Uint8Array; ofd: Uint8Array },
    bulletin: NumberedBulletin,
  ): Promise<void> {
    try {
      for (const format of ['pdf', 'ofd'] as const)
        await this.s3.send(
          new PutObjectCommand({
            Bucket: this.bucket,
            Key: bulletinKey(cutoff, format),
            Body: documents[format],
            ContentType: DOCUMENTS_BUCKET.contentTypes[format],
          }),
        );
      await this.s3.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: bulletinKey(cutoff, 'json'),
          Body: JSON.stringify(bulletin, null, 2),
          ContentType: 'application/json',
        }),
      );
    } catch (error) {
      throw storeError(`storing the bulletin for ${cutoff}`, error);
    }
  }

  private async read(key: string): Promise<ArchivedBulletin | undefined> {
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return JSON.parse(await object.Body!.transformToString()) as ArchivedBulletin;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw storeError(`reading ${key}`, error);
    }
  }
}

import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { contentDisposition } from '../../core/links/contentDisposition.js';
import type { DocumentLinks } from '../../core/links/LinksService.js';
import { DOCUMENTS_BUCKET, type DocumentFormat } from '../../definitions/documentsBucket.js';
import { storeError } from '../StoreError.js';

/** SigV4 presigned URLs live at most seven days. */
export const MAX_LINK_SECONDS = 7 * 24 * 60 * 60;

/** Presigned S3 GET links that download as PDF (or OFD) under the document's Chinese name and an ASCII one. */
export class S3DocumentLinks implements DocumentLinks {
  private readonly seconds: number;

  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    lifetimeSeconds = 15 * 60,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.seconds = Math.max(1, Math.min(Math.floor(lifetimeSeconds), MAX_LINK_SECONDS));
  }

  async link(
    key: string,
    fileName: string,
    format: DocumentFormat = 'pdf',
    asciiFileName?: string,
  ): Promise<{ url: string; expiresAt: string }> {
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseContentDisposition: contentDisposition(fileName, 'attachment', asciiFileName),
      ResponseContentType: DOCUMENTS_BUCKET.contentTypes[format],
    });
    try {
      const url = await getSignedUrl(this.s3, command, { expiresIn: this.seconds });
      return { url, expiresAt: new Date(this.now().getTime() + this.seconds * 1000).toISOString() };
    } catch (error) {
      throw storeError(`signing a link to ${key}`, error);
    }
  }
}

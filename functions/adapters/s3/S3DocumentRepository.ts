import { HeadObjectCommand, PutObjectCommand, PutObjectTaggingCommand, type S3Client } from '@aws-sdk/client-s3';
import { DOCUMENTS_BUCKET } from '../../definitions/documentsBucket.js';
import type { DocumentRepository, StoredDocument } from '../../core/pipeline/ports.js';
import { isAccessDenied, isNotFound, storeError } from '../StoreError.js';

/** Documents (PDF, OFD) in the S3 documents bucket, with content type, SHA-256 and record id in their metadata. */
export class S3DocumentRepository implements DocumentRepository {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async put(document: StoredDocument): Promise<'stored' | 'already-stored'> {
    try {
      const head = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: document.key }));
      if (head.Metadata?.sha256 === document.sha256) return 'already-stored';
    } catch (error) {
      // The bucket refuses to read a withdrawn document to everyone, this function included: a
      // render that raced the revocation stops here, never writing an untagged copy over it, and
      // its retry finds the award revoked.
      if (isAccessDenied(error))
        throw storeError(`checking s3://${this.bucket}/${document.key} (403: withdrawn, or not permitted)`, error);
      if (!isNotFound(error)) throw storeError(`checking s3://${this.bucket}/${document.key}`, error);
    }
    try {
      await this.s3.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: document.key,
          Body: document.bytes,
          ContentType: DOCUMENTS_BUCKET.contentTypes[document.format],
          ChecksumSHA256: Buffer.from(document.sha256, 'hex').toString('base64'),
          Metadata: {
            sha256: document.sha256,
            'record-id': document.recordId,
            kind: document.kind,
            version: String(document.version),
          },
        }),
      );
      return 'stored';
    } catch (error) {
      throw storeError(`storing s3://${this.bucket}/${document.key}`, error);
    }
  }

  async markWithdrawn(key: string): Promise<void> {
    const { key: tagKey, value } = DOCUMENTS_BUCKET.withdrawnTag;
    try {
      await this.s3.send(
        new PutObjectTaggingCommand({
          Bucket: this.bucket,
          Key: key,
          Tagging: { TagSet: [{ Key: tagKey, Value: value }] },
        }),
      );
    } catch (error) {
      throw storeError(`tagging s3://${this.bucket}/${key} withdrawn`, error);
    }
  }
}

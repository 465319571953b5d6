import { createRequire } from 'node:module';
import { DOCUMENTS_BUCKET } from '../functions/definitions/documentsBucket.js';

interface ReadContext {
  params: { bucket: string; key: string };
  store: { getSubresource(bucket: string, key: string, type: string): Promise<{ toJSON(): unknown } | null> };
}

interface ObjectController {
  getObject(ctx: ReadContext): Promise<void>;
}

type S3ErrorClass = new (code: string, message: string) => Error;

interface StoredTag {
  Key?: unknown;
  Value?: unknown;
}

/** Whether an object's stored tag set (as s3rver parses it: one tag or a list) holds the withdrawn tag. */
function isWithdrawn(tagging: { toJSON(): unknown } | null): boolean {
  const { key, value } = DOCUMENTS_BUCKET.withdrawnTag;
  const tags = (tagging?.toJSON() as { Tagging?: { TagSet?: { Tag?: StoredTag | StoredTag[] } } } | undefined)?.Tagging
    ?.TagSet?.Tag;
  // The parser turns a value of "true" into a boolean: compared as text.
  return [tags ?? []].flat().some((tag) => String(tag.Key) === key && String(tag.Value) === value);
}

let patched = false;

/**
 * The deployed bucket's policy refuses s3:GetObject (which governs GET and HEAD) on an object
 * tagged withdrawn, to every principal, the stack's own functions included, so that a link handed
 * out before a revocation stops working as soon as the tag is set. s3rver knows no bucket policy:
 * its object reads are wrapped once to refuse such an object with 403 AccessDenied as S3 does,
 * for presigned and signed requests alike, so `npm start` behaves as AWS does. Its tags stay
 * readable and writable, as they do in AWS.
 */
export function patchS3rverWithdrawn(): void {
  if (patched) return;
  patched = true;
  const require = createRequire(import.meta.url);
  const controller = require('s3rver/lib/controllers/object.js') as ObjectController;
  const S3Error = require('s3rver/lib/models/error.js') as S3ErrorClass;
  // The router looks getObject up on the module at each request, HEAD included.
  const getObject = controller.getObject;
  controller.getObject = async function refusingWithdrawn(ctx: ReadContext) {
    const { bucket, key } = ctx.params;
    if (isWithdrawn(await ctx.store.getSubresource(bucket, key, 'tagging')))
      throw new S3Error('AccessDenied', 'Access Denied');
    return getObject(ctx);
  };
}

import type { VerifiedDocument } from '../../core/verification/VerifiedDocument.js';
import { ITEM_TYPES, verificationKey } from '../../definitions/awardsTable.js';

/** A verified document as its item: VERIFY#<code>, its type, and the document's fields at the top level. */
export function itemOfVerified(document: VerifiedDocument): Record<string, unknown> {
  return { ...document, pk: verificationKey(document.code), itemType: ITEM_TYPES.verification };
}

/** The verified document an item holds; undefined for an item of another type (or none). */
export function verifiedFromItem(item: Record<string, unknown> | undefined): VerifiedDocument | undefined {
  if (item?.itemType !== ITEM_TYPES.verification) return undefined;
  const { pk: _pk, itemType: _type, ...document } = item;
  return document as unknown as VerifiedDocument;
}

/**
 * The conditioned Put of a verification item, alone or in a transaction: the code is free, or it
 * already points at this very document with the same bytes (a redelivery writes it again,
 * unchanged). A code is never re-pointed at another document.
 */
export function verificationPut(tableName: string, document: VerifiedDocument) {
  const owner =
    document.recordId === undefined
      ? { name: 'holder', value: document.holder ?? '' }
      : { name: 'recordId', value: document.recordId };
  return {
    TableName: tableName,
    Item: itemOfVerified(document),
    ConditionExpression:
      'attribute_not_exists(pk) OR (#owner = :owner AND #kind = :kind AND #version = :version AND sha256 = :sha256)',
    ExpressionAttributeNames: { '#owner': owner.name, '#kind': 'kind', '#version': 'version' },
    ExpressionAttributeValues: {
      ':owner': owner.value,
      ':kind': document.kind,
      ':version': document.version,
      ':sha256': document.sha256,
    },
  };
}

/** What a refused verification item was to be: for the error that says so. */
export const verificationDescription = (document: VerifiedDocument) =>
  `verification code ${document.code} (${document.recordId ?? document.holder} ${document.kind} ` +
  `v${document.version}) already points at another document: it is not re-pointed`;

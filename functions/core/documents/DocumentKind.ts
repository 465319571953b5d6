import type { AwardRecord, RecordKind } from '../records/index.js';
import { certificateView } from './certificateView.js';
import { commendationOrderView } from './commendationOrderView.js';
import { praiseBulletinView } from './praiseBulletinView.js';
import type { DocumentKind } from './documentTitles.js';
import { telegramView } from './telegramView.js';

export { DOCUMENT_KINDS, documentTitle, type DocumentKind } from './documentTitles.js';

type RecordOf<K extends RecordKind> = Extract<AwardRecord, { kind: K }>;

/**
 * The rules for which documents a record needs (domain.md, "Kinds of record and their
 * documents"), and what each document's template is given.
 */
const DOCUMENTS: {
  readonly [K in RecordKind]: readonly {
    readonly kind: DocumentKind;
    readonly view: (record: RecordOf<K>) => object;
  }[];
} = {
  merit: [{ kind: 'certificate', view: certificateView }],
  commendation: [{ kind: 'certificate', view: certificateView }],
  'honorary-title': [{ kind: 'certificate', view: certificateView }],
  'commendation-order': [{ kind: 'commendation-order', view: commendationOrderView }],
  telegram: [{ kind: 'telegram', view: telegramView }],
  'praise-bulletin': [{ kind: 'praise-bulletin', view: praiseBulletinView }],
};

export interface PlannedDocument {
  readonly kind: DocumentKind;
  /** The template's data; throws a RecordFault when the record lacks what the document prints. */
  view(): object;
}

export function plannedDocuments(record: AwardRecord): PlannedDocument[] {
  const plans = DOCUMENTS[record.kind] as readonly { kind: DocumentKind; view: (record: AwardRecord) => object }[];
  return plans.map((plan) => ({ kind: plan.kind, view: () => plan.view(record) }));
}

export function documentsFor(record: AwardRecord): DocumentKind[] {
  return plannedDocuments(record).map((plan) => plan.kind);
}

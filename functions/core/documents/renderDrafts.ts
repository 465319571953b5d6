import type { AwardRecordFields } from '../award/Award.js';
import type { DocumentPreflight } from '../award/DocumentPreflight.js';
import { AuthorityRegistry } from '../authorities/AuthorityRegistry.js';
import { DocumentEngine } from '../engine/DocumentEngine.js';
import { RecordFault } from '../errors.js';
import { numberingYear } from '../pipeline/documentNumber.js';
import { type AwardRecord, validateRecord } from '../records/index.js';
import { type RecordDocument, renderRecordDocuments } from './renderRecordDocuments.js';

/** What every page of a draft says, in its ink and in its text. */
export const DRAFT_WATERMARK = {
  text: '样稿',
  caption: '样稿　审批用，未经批准不是正式文书，不得印发',
} as const;

/** The authority whose own records may borrow its numbering code (the deployment's). */
export interface OwnAuthority {
  readonly name: string;
  readonly code: string;
}

/**
 * The record as its documents would print it if it were approved now: dated today, a numbered
 * kind with its 文号's serial left open (内公奖〔2020〕×号) — no number is taken for a draft.
 */
function asIfApproved(record: AwardRecord, now: Date, own: OwnAuthority | undefined): AwardRecord {
  const draft = { ...record, approvedAt: now.toISOString() } as AwardRecord;
  if (draft.kind !== 'commendation-order' && draft.kind !== 'praise-bulletin') return draft;
  const { authority } = draft;
  const code = authority.code ?? (own !== undefined && authority.name === own.name ? own.code : undefined);
  if (code === undefined)
    throw new RecordFault(`record ${record.id}: authority.code: required to number a ${record.kind} (e.g. 内公奖)`, {
      recordId: record.id,
    });
  // × where the serial goes, as drafts of official documents mark a number not yet given.
  return { ...draft, documentNumber: `${code}〔${numberingYear(draft.issuedAt)}〕×号` };
}

/**
 * Every document of a record drawn as a draft, by the same engine and templates as the issued
 * ones: 样稿 across every page, no 文号, no verification code or QR, unsigned. Drafts are shown,
 * never stored or counted. A record that cannot be drawn fails as it would fail when issued: a
 * RecordFault naming the field and the reason.
 */
export async function renderDrafts(
  fields: AwardRecordFields,
  {
    engine = DocumentEngine.shared(),
    now = new Date(),
    ownAuthority,
    registry = AuthorityRegistry.shared(),
  }: { engine?: DocumentEngine; now?: Date; ownAuthority?: OwnAuthority; registry?: AuthorityRegistry } = {},
): Promise<RecordDocument[]> {
  // The authority's name, seal and numbering code are the registry's: a record naming another is refused.
  const record = asIfApproved(registry.resolve(validateRecord(fields)), now, ownAuthority);
  return renderRecordDocuments(record, engine, undefined, undefined, { watermark: DRAFT_WATERMARK });
}

/** Draws an award's drafts for approvers to look at. */
export interface DraftRenderer {
  draw(record: AwardRecordFields): Promise<RecordDocument[]>;
}

/**
 * Drafts drawn by the engine: shown to approvers (draw), and drawn and thrown away as the
 * preflight of submissions, corrections and approvals (check).
 */
export class DraftDocuments implements DraftRenderer, DocumentPreflight {
  constructor(
    private readonly options: {
      engine?: DocumentEngine;
      ownAuthority?: OwnAuthority;
      now?: () => Date;
      registry?: AuthorityRegistry;
    } = {},
  ) {}

  draw(record: AwardRecordFields): Promise<RecordDocument[]> {
    const { engine, ownAuthority, now, registry } = this.options;
    return renderDrafts(record, {
      ...(engine ? { engine } : {}),
      ...(ownAuthority ? { ownAuthority } : {}),
      ...(registry ? { registry } : {}),
      now: now?.() ?? new Date(),
    });
  }

  async check(record: AwardRecordFields): Promise<void> {
    await this.draw(record);
  }
}

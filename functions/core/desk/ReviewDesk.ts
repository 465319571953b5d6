import { AuthorityRegistry } from '../authorities/AuthorityRegistry.js';
import type { Award } from '../award/Award.js';
import { UndrawableAward } from '../award/AwardRefusal.js';
import type { AwardWorkflow } from '../award/AwardWorkflow.js';
import { decisionAuditEntry } from '../award/decisionAuditEntry.js';
import { awardDescription } from '../documents/awardDescription.js';
import { documentTitle } from '../documents/documentTitles.js';
import type { DraftRenderer } from '../documents/renderDrafts.js';
import { RecordFault } from '../errors.js';
import type { AuditTrail } from '../links/AuditTrail.js';
import type { AwardQueries } from '../links/LinksService.js';
import { NotFound } from '../links/LinksService.js';
import { type ApproverAccess, mayDecide } from './approverAccess.js';
import type { DeskRequest } from './deskRequest.js';

/** How many awards' drawability a desk keeps: several pages of every region's waiting awards. */
const DRAWN_KEPT = 2000;

/** One award as the approvers' list shows it. */
export interface ReviewItem {
  readonly id: string;
  readonly kind: string;
  readonly region: string;
  /** What it awards: 个人三等功, 嘉奖令（3人）, 唁电 … */
  readonly title: string;
  /** Whom: the recipient, a telegram's addressee, or the order's title. */
  readonly recipient: string;
  readonly status: string;
  readonly revision: number;
  readonly version: number;
  readonly submittedAt?: string;
  /** What stands in the way of issuing it: its drafts cannot be drawn, its rendering failed. */
  readonly problems: readonly string[];
  /** Why it was returned, rejected or revoked, when it was. */
  readonly reason?: string;
}

/** A draft as the desk hands it out. */
export interface DraftFile {
  readonly bytes: Uint8Array;
  readonly fileName: string;
}

/** A decision's answer: where the award stands now. */
export interface Decided {
  readonly id: string;
  readonly status: string;
  readonly revision: number;
}

function recipientOf(award: Award): string {
  const { record } = award;
  const name = (record.recipient as { name?: unknown } | undefined)?.name;
  if (typeof name === 'string') return name;
  if (typeof record.addressee === 'string') return record.addressee.replace(/[：:]$/, '');
  return typeof record.title === 'string' ? record.title : record.id;
}

/** When the award's current version went to the approvers: its last submission or correction. */
function submittedAt(award: Award): string | undefined {
  const submission = award.decisions.findLast(
    (decision) => decision.action === 'submit' || decision.action === 'correct',
  );
  return submission?.at ?? (typeof award.record.submittedAt === 'string' ? award.record.submittedAt : undefined);
}

function reasonOf(award: Award): string | undefined {
  const { record } = award;
  const reason = record.returnReason ?? record.rejectionReason ?? record.revocationReason;
  return typeof reason === 'string' ? reason : undefined;
}

/**
 * The approvers' desk: the awards waiting for them, each award's drafts, and their decisions —
 * approve, return for correction, reject, revoke, an approval list. An approver decides only
 * awards of their regions; another region's award answers as a missing one would. Every decision
 * is taken on the revision the approver looked at, and written to the audit trail.
 */
export class ReviewDesk {
  /**
   * Whether each award's drafts can be drawn, by award and revision: a record changes only with
   * its revision, so a warm process draws each listed version once, not on every list read.
   */
  private readonly drawable = new Map<string, string | undefined>();

  constructor(
    private readonly deps: {
      awards: AwardQueries;
      workflow: AwardWorkflow;
      drafts: DraftRenderer;
      audit: AuditTrail;
      /** Whose approvers decide each authority's awards (default: the deployment's registry file). */
      authorities?: AuthorityRegistry;
    },
  ) {}

  async review(access: ApproverAccess, request: Extract<DeskRequest, { route: 'review' }>) {
    const { region, status, q, cursor, limit } = request;
    const regions = region === undefined ? access.regions : access.regions.filter((own) => own === region);
    if (regions.length === 0) return { items: [] };
    const page = await this.deps.awards.listAcrossRegions(regions, {
      status,
      limit,
      ...(q === undefined ? {} : { q }),
      ...(cursor === undefined ? {} : { cursor }),
    });
    const items = await Promise.all(
      page.items.filter((award) => this.mayDecide(access, award)).map((award) => this.item(award)),
    );
    return { items, ...(page.cursor ? { cursor: page.cursor } : {}) };
  }

  /** The draft of one of the award's documents (its only one, unless named). */
  async draft(access: ApproverAccess, id: string, kind: string | undefined): Promise<DraftFile> {
    const award = await this.find(access, id);
    let drafts: Awaited<ReturnType<DraftRenderer['draw']>>;
    try {
      drafts = await this.deps.drafts.draw(award.record);
    } catch (error) {
      if (!(error instanceof RecordFault)) throw error;
      throw new UndrawableAward(id, 'draw', error.message.replace(/^record [^:]+: /, ''), error.field);
    }
    const draft = kind === undefined ? drafts[0] : drafts.find((candidate) => candidate.kind === kind);
    if (draft === undefined) throw new NotFound(`award ${id} has no ${kind} document`);
    const title = documentTitle(draft.kind, award.record);
    return { bytes: draft.bytes, fileName: `样稿-${title}-${recipientOf(award)}-v${award.record.version}.pdf` };
  }

  async decide(access: ApproverAccess, request: Extract<DeskRequest, { route: 'decide' }>): Promise<Decided> {
    const { id, action, revision } = request;
    await this.find(access, id);
    const { workflow } = this.deps;
    const expected = { revision };
    const award = await (action === 'approve'
      ? workflow.approve(id, access.by, expected)
      : action === 'return'
        ? workflow.returnForCorrection(id, request.reason!, access.by, expected)
        : action === 'reject'
          ? workflow.reject(id, request.reason!, access.by, expected)
          : workflow.revoke(id, request.reason!, access.by, expected));
    await this.deps.audit.record(decisionAuditEntry(award, access.scope));
    return { id, status: award.record.status, revision: award.revision };
  }

  /** An approval list, all or nothing, each award on the revision the approver saw. */
  async approveList(access: ApproverAccess, items: readonly { id: string; revision: number }[]): Promise<Decided[]> {
    for (const { id } of items) await this.find(access, id);
    const revisions = new Map(items.map(({ id, revision }) => [id, revision]));
    const approved = await this.deps.workflow.approveAll(
      items.map(({ id }) => id),
      access.by,
      revisions,
    );
    for (const award of approved) await this.deps.audit.record(decisionAuditEntry(award, access.scope));
    return approved.map((award) => ({ id: award.record.id, status: award.record.status, revision: award.revision }));
  }

  /** The award, if the approver may see it; a missing one and another region's answer alike. */
  private async find(access: ApproverAccess, id: string): Promise<Award> {
    const award = await this.deps.awards.get(id);
    if (award === undefined || !this.mayDecide(access, award)) throw new NotFound(`award ${id} not found`);
    return award;
  }

  private mayDecide(access: ApproverAccess, award: Award): boolean {
    const named = award.record.authority as { id?: unknown; name?: unknown } | undefined;
    const key = typeof named?.id === 'string' ? named.id : typeof named?.name === 'string' ? named.name : '';
    // An authority the registry does not know: no 盟市's approver decides it (the department's see why not).
    const regions = (this.deps.authorities ?? AuthorityRegistry.shared()).find(key)?.regions ?? [];
    return mayDecide(access, award.record.region, regions);
  }

  /** Why the award's drafts cannot be drawn, or undefined when they can. */
  private async undrawable(award: Award): Promise<string | undefined> {
    const key = `${award.record.id}@${award.revision}`;
    if (this.drawable.has(key)) return this.drawable.get(key);
    let reason: string | undefined;
    try {
      await this.deps.drafts.draw(award.record);
    } catch (error) {
      if (!(error instanceof RecordFault)) throw error;
      reason = error.message.replace(/^record [^:]+: /, '');
    }
    // Kept for the awards a desk lists; the oldest entries go first.
    if (this.drawable.size >= DRAWN_KEPT) this.drawable.delete(this.drawable.keys().next().value!);
    this.drawable.set(key, reason);
    return reason;
  }

  private async item(award: Award): Promise<ReviewItem> {
    const { record, rendering } = award;
    const problems: string[] = [];
    if (rendering.failure?.version === record.version) problems.push(`生成失败：${rendering.failure.reason}`);
    if (record.status === 'SUBMITTED') {
      const undrawable = await this.undrawable(award);
      if (undrawable !== undefined) problems.push(`无法生成样稿：${undrawable}`);
    }
    const at = submittedAt(award);
    const reason = reasonOf(award);
    return {
      id: record.id,
      kind: record.kind,
      region: String(record.region),
      title: awardDescription(record),
      recipient: recipientOf(award),
      status: record.status,
      revision: award.revision,
      version: record.version,
      ...(at === undefined ? {} : { submittedAt: at }),
      problems,
      ...(reason === undefined ? {} : { reason }),
    };
  }
}

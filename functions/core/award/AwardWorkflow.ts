import { isDeepStrictEqual } from 'node:util';
import { RecordFault } from '../errors.js';
import type { Award, Decider } from './Award.js';
import { AwardChangedMeanwhile, AwardRefusal, UndrawableAward } from './AwardRefusal.js';
import { type AwardStore, MAX_CHANGES_PER_WRITE } from './AwardStore.js';
import * as transitions from './awardTransitions.js';
import type { DocumentPreflight } from './DocumentPreflight.js';

/** How often a change is made again when only the pipeline's bookkeeping moved under it. */
const MAX_ATTEMPTS = 5;

/** The award as approvers see it: the record, less the 文号 that the pipeline writes on it. */
function approversView(award: Award): unknown {
  const { documentNumber: _number, ...record } = award.record;
  return record;
}

/** The revision a person decided on: the award as they saw it. */
interface Expected {
  readonly revision?: number | undefined;
}

/** The award moved since the revision the person saw: they decide again on what it is now. */
function changedSince(award: Award, action: string): AwardChangedMeanwhile {
  const { id, status, version } = award.record;
  return new AwardChangedMeanwhile(id, action, { status, version });
}

/**
 * What approvers and clerks do to awards: read, apply the rule, write conditioned on what was
 * read. When another approver's change lands between the read and the write, this one is refused
 * (AwardChangedMeanwhile) and nothing is changed, so no change ever undoes another. When only the
 * pipeline wrote meanwhile (document references, a 文号), the rule is applied again to the award
 * as it is now, since nothing the approver decided on has moved.
 *
 * Given a preflight, a record is drawn as drafts before it is submitted, corrected or approved:
 * one whose documents cannot be drawn is refused there, as the record's fault, and nothing is written.
 */
export class AwardWorkflow {
  constructor(
    private readonly store: AwardStore,
    private readonly now: () => Date = () => new Date(),
    private readonly preflight?: DocumentPreflight,
  ) {}

  get(id: string): Promise<Award | undefined> {
    return this.store.get(id);
  }

  /** Stores a new record as SUBMITTED; an id that exists already is refused, not overwritten. */
  async submit(value: unknown, by: Decider): Promise<Award> {
    const checked = await this.checkSubmission(value, by);
    if (checked.unchanged) throw this.exists(checked.award, 'already exists');
    await this.create(checked.award);
    return checked.award;
  }

  /**
   * Everything a submission is checked for, nothing written: the award it would store, or
   * `unchanged` when the same record was submitted already (an import run again). A record
   * that is invalid, cannot be drawn, or takes the id of a different award is refused.
   */
  async checkSubmission(value: unknown, by: Decider): Promise<{ award: Award; unchanged: boolean }> {
    const award = transitions.submit(value, { by, at: this.now() });
    const stored = await this.store.get(award.record.id);
    if (stored !== undefined) {
      if (transitions.sameSubmission(stored.record, award.record)) return { award: stored, unchanged: true };
      throw this.exists(award, 'already exists with other content');
    }
    await this.drawable(award, 'submit');
    return { award, unchanged: false };
  }

  /** Stores a submission checked by checkSubmission; refused if the id was taken meanwhile. */
  async create(award: Award): Promise<void> {
    if (!(await this.store.create(award))) throw this.exists(award, 'already exists');
  }

  private exists(award: Award, what: string): AwardRefusal {
    return new AwardRefusal(
      award.record.id,
      `record ${award.record.id} ${what}: correct it instead of importing it again`,
    );
  }

  /** Refuses the award when its documents cannot be drawn; nothing has been written yet. */
  async drawable(award: Award, action: string): Promise<void> {
    if (this.preflight === undefined) return;
    try {
      await this.preflight.check(award.record);
    } catch (error) {
      if (!(error instanceof RecordFault)) throw error;
      throw new UndrawableAward(award.record.id, action, error.message.replace(/^record [^:]+: /, ''), error.field);
    }
  }

  /** Given `revision`, the award must still be at it (what the approver looked at), or nothing is changed. */
  approve(id: string, by: Decider, { revision }: Expected = {}): Promise<Award> {
    return this.change(id, 'approve', (award) => transitions.approve(award, { by, at: this.now() }), {
      mustDraw: true,
      revision,
    });
  }

  /**
   * Approves many awards as one approval list, all or nothing: every award is read, checked and
   * drawn first (one that does not exist, cannot be approved or cannot be drawn refuses the list,
   * and nothing is written), then the list is approved in one conditioned write. When only the
   * pipeline moved an award meanwhile, the list is read and written again; when a person did, the
   * list is refused naming the award, and nothing is changed. A list longer than one write can
   * take is written a hundred at a time, and a refusal then says which awards were approved.
   */
  async approveAll(ids: readonly string[], by: Decider, revisions?: ReadonlyMap<string, number>): Promise<Award[]> {
    const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
    if (repeated !== undefined)
      throw new AwardRefusal(repeated, `cannot approve the list: ${repeated} is listed twice; nothing was changed`);
    const at = this.now();
    const reads = await Promise.all(ids.map((id) => this.readForApproval(id, by, at, revisions?.get(id))));
    const approved: Award[] = [];
    for (let start = 0; start < reads.length; start += MAX_CHANGES_PER_WRITE) {
      try {
        approved.push(...(await this.approvePart(reads.slice(start, start + MAX_CHANGES_PER_WRITE), by, at)));
      } catch (error) {
        if (approved.length === 0 || !(error instanceof AwardRefusal)) throw error;
        const done = approved.map((award) => award.record.id).join(', ');
        throw new AwardRefusal(
          error.awardId,
          `${error.message.replace(/; nothing was changed.*$/, '')}; the rest of the list was not approved, ` +
            `but these were, in earlier writes: ${done}`,
        );
      }
    }
    return approved;
  }

  private async readForApproval(id: string, by: Decider, at: Date, revision?: number): Promise<Award> {
    const read = await this.store.get(id);
    if (read === undefined)
      throw new AwardRefusal(id, `cannot approve award ${id}: it does not exist; nothing was changed`);
    if (revision !== undefined && read.revision !== revision) throw changedSince(read, 'approve');
    transitions.approve(read, { by, at });
    await this.drawable(read, 'approve');
    return read;
  }

  /** One write's worth of an approval list, all or nothing, made again while only the pipeline moves under it. */
  private async approvePart(reads: readonly Award[], by: Decider, at: Date): Promise<Award[]> {
    let current = reads;
    for (let attempt = 1; ; attempt++) {
      const changes = current.map((read) => ({ read, next: transitions.approve(read, { by, at }) }));
      if ((await this.store.saveAll(changes)) === 'saved') return changes.map(({ next }) => next);
      const now = await Promise.all(current.map((read) => this.store.get(read.record.id)));
      const moved = current.findIndex((read, index) => {
        const after = now[index];
        return after === undefined || !isDeepStrictEqual(approversView(after), approversView(read));
      });
      if (moved >= 0 || attempt === MAX_ATTEMPTS) {
        const index = Math.max(moved, 0);
        const after = now[index];
        throw new AwardChangedMeanwhile(
          current[index]!.record.id,
          'approve',
          after && { status: after.record.status, version: after.record.version },
        );
      }
      current = now as Award[];
    }
  }

  returnForCorrection(id: string, reason: string, by: Decider, { revision }: Expected = {}): Promise<Award> {
    const rule = (award: Award) => transitions.returnForCorrection(award, { by, reason, at: this.now() });
    return this.change(id, 'return', rule, { revision });
  }

  reject(id: string, reason: string, by: Decider, { revision }: Expected = {}): Promise<Award> {
    const rule = (award: Award) => transitions.reject(award, { by, reason, at: this.now() });
    return this.change(id, 'reject', rule, { revision });
  }

  revoke(id: string, reason: string, by: Decider, { revision }: Expected = {}): Promise<Award> {
    const rule = (award: Award) => transitions.revoke(award, { by, reason, at: this.now() });
    return this.change(id, 'revoke', rule, { revision });
  }

  deliver(id: string, delivery: { at: string; place: string; by?: string }, by: Decider): Promise<Award> {
    return this.change(id, 'record a delivery of', (award) =>
      transitions.deliver(award, delivery, { by, at: this.now() }),
    );
  }

  correct(corrected: { id: string } & Record<string, unknown>, by: Decider): Promise<Award> {
    return this.change(
      corrected.id,
      'correct',
      (award) => transitions.correct(award, corrected, { by, at: this.now() }),
      { mustDraw: true },
    );
  }

  private async change(
    id: string,
    action: string,
    rule: (award: Award) => Award,
    { mustDraw = false, revision }: { mustDraw?: boolean; revision?: number | undefined } = {},
  ): Promise<Award> {
    let read = await this.store.get(id);
    if (read === undefined) throw new AwardRefusal(id, `cannot ${action} award ${id}: it does not exist`);
    if (revision !== undefined && read.revision !== revision) throw changedSince(read, action);
    for (let attempt = 1; ; attempt++) {
      const next = rule(read);
      // What the approver will see issued must be drawable: checked before the write, on the record written.
      if (mustDraw && attempt === 1) await this.drawable(next, action);
      if ((await this.store.save(read, next)) === 'saved') return next;
      const now = await this.store.get(id);
      const onlyPipelineMoved = now !== undefined && isDeepStrictEqual(approversView(now), approversView(read));
      if (!onlyPipelineMoved || attempt === MAX_ATTEMPTS) {
        throw new AwardChangedMeanwhile(id, action, now && { status: now.record.status, version: now.record.version });
      }
      read = now;
    }
  }
}

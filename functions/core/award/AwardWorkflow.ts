import { isDeepStrictEqual } from 'node:util';
import type { Award } from './Award.js';
import { AwardChangedMeanwhile, AwardRefusal } from './AwardRefusal.js';
import { type AwardStore, MAX_CHANGES_PER_WRITE } from './AwardStore.js';
import * as transitions from './awardTransitions.js';

/** How often a change is made again when only the pipeline's bookkeeping moved under it. */
const MAX_ATTEMPTS = 5;

/** The award as approvers see it: the record, less the 文号 that the pipeline writes on it. */
function approversView(award: Award): unknown {
  const { documentNumber: _number, ...record } = award.record;
  return record;
}

/**
 * What approvers and clerks do to awards: read, apply the rule, write conditioned on what was
 * read. When another approver's change lands between the read and the write, this one is refused
 * (AwardChangedMeanwhile) and nothing is changed, so no change ever undoes another. When only the
 * pipeline wrote meanwhile (document references, a 文号), the rule is applied again to the award
 * as it is now, since nothing the approver decided on has moved.
 */
export class AwardWorkflow {
  constructor(
    private readonly store: AwardStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get(id: string): Promise<Award | undefined> {
    return this.store.get(id);
  }

  /** Stores a new record as SUBMITTED; an id that exists already is refused, not overwritten. */
  async submit(value: unknown): Promise<Award> {
    const award = transitions.submit(value);
    if (!(await this.store.create(award))) {
      throw new AwardRefusal(
        award.record.id,
        `record ${award.record.id} already exists: correct it instead of importing it again`,
      );
    }
    return award;
  }

  approve(id: string, by: string): Promise<Award> {
    return this.change(id, 'approve', (award) => transitions.approve(award, { by, at: this.now() }));
  }

  /**
   * Approves many awards as an approval list is signed off: every award is read and checked first
   * (one that does not exist or cannot be approved refuses the list, and nothing is written), then
   * each hundred is approved in one write. A hundred in which some award moved meanwhile is
   * approved award by award instead, as `approve` does.
   */
  async approveAll(ids: readonly string[], by: string): Promise<Award[]> {
    const at = this.now();
    const changes = await Promise.all(
      ids.map(async (id) => {
        const read = await this.store.get(id);
        if (read === undefined) throw new AwardRefusal(id, `cannot approve award ${id}: it does not exist`);
        return { read, next: transitions.approve(read, { by, at }) };
      }),
    );
    const approved: Award[] = [];
    for (let start = 0; start < changes.length; start += MAX_CHANGES_PER_WRITE) {
      const part = changes.slice(start, start + MAX_CHANGES_PER_WRITE);
      if ((await this.store.saveAll(part)) === 'saved') approved.push(...part.map(({ next }) => next));
      else for (const { read } of part) approved.push(await this.approve(read.record.id, by));
    }
    return approved;
  }

  revoke(id: string, reason: string): Promise<Award> {
    return this.change(id, 'revoke', (award) => transitions.revoke(award, { reason, at: this.now() }));
  }

  deliver(id: string, delivery: { at: string; place: string; by?: string }): Promise<Award> {
    return this.change(id, 'record a delivery of', (award) => transitions.deliver(award, delivery));
  }

  correct(corrected: { id: string } & Record<string, unknown>): Promise<Award> {
    return this.change(corrected.id, 'correct', (award) => transitions.correct(award, corrected));
  }

  private async change(id: string, action: string, rule: (award: Award) => Award): Promise<Award> {
    let read = await this.store.get(id);
    if (read === undefined) throw new AwardRefusal(id, `cannot ${action} award ${id}: it does not exist`);
    for (let attempt = 1; ; attempt++) {
      const next = rule(read);
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

import type { RecordStatus } from '../records/index.js';

/**
 * An approver's or clerk's action that the award does not allow as it stands (approving a
 * revoked award, correcting from an old version), or that lost a race to another change. The
 * message says what is the case and that nothing was changed.
 */
export class AwardRefusal extends Error {
  override name = 'AwardRefusal';
  constructor(
    readonly awardId: string,
    message: string,
  ) {
    super(message);
  }
}

/** Another change reached the award between this action's read and its write; nothing was changed. */
export class AwardChangedMeanwhile extends AwardRefusal {
  override name = 'AwardChangedMeanwhile';
  constructor(
    awardId: string,
    action: string,
    readonly now: { readonly status: RecordStatus; readonly version: number } | undefined,
  ) {
    const state = now === undefined ? 'it no longer exists' : `now ${now.status}, version ${now.version}`;
    super(
      awardId,
      `cannot ${action} award ${awardId}: the award changed meanwhile (${state}); ` +
        `nothing was changed — look at it again (show) and decide`,
    );
  }
}

/** The award's documents cannot be drawn (the record's fault): nothing was changed. */
export class UndrawableAward extends AwardRefusal {
  override name = 'UndrawableAward';
  constructor(
    awardId: string,
    action: string,
    /** Why, as the engine says it, without the record's id. */
    readonly reason: string,
    /** The record's field at fault, when one is. */
    readonly field: string | undefined,
  ) {
    super(awardId, `cannot ${action} award ${awardId}: its documents cannot be drawn: ${reason}; nothing was changed`);
  }
}

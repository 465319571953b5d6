import { decider, CLERK } from '../../support/deciders.js';
import { describe, expect, it } from 'vitest';
import type { Award } from '../../../functions/core/award/Award.js';
import { AwardRefusal } from '../../../functions/core/award/AwardRefusal.js';
import { approve, correct, deliver, revoke, submit } from '../../../functions/core/award/awardTransitions.js';
import {
  assignNumber,
  recordFailed,
  recordRendered,
  withdrawDocuments,
} from '../../../functions/core/award/renderTransitions.js';
import { RecordValidationError } from '../../../functions/core/records/index.js';
import { exampleJson } from '../../support/examples.js';
import { thrown } from '../../support/thrown.js';
import { certificateRef } from '../../support/documentRefs.js';

const AT = new Date('2020-03-02T09:00:00+08:00');
const ref = certificateRef;
const submitted = () => submit(exampleJson('merit-zhang-peng'), CLERK);
const approved = () => approve(submitted(), { by: decider('审核专班'), at: AT });
const revoked = () => revoke(approved(), { by: decider('审核专班'), reason: '核查不实', at: AT });

/** The refusal a transition throws, checked to be one and to say that nothing changed. */
function refusal(act: () => unknown): string {
  const error = thrown(AwardRefusal, act);
  expect(error.message).toContain('nothing was changed');
  return error.message;
}

describe('submit', () => {
  it('makes a SUBMITTED award at revision 1, without the approval, revocation or number a file may bring', () => {
    const award = submit(
      {
        ...exampleJson('commendation-order-2020-12'),
        status: 'APPROVED',
        revokedAt: '2020-04-01T00:00:00+08:00',
      },
      CLERK,
    );
    expect(award.revision).toBe(1);
    expect(award.record).toMatchObject({ status: 'SUBMITTED', version: 1 });
    for (const field of ['approvedAt', 'approvedBy', 'revokedAt', 'documentNumber'])
      expect(award.record).not.toHaveProperty(field);
    expect(award.documents).toEqual([]);
  });

  it('refuses a record that breaks the contract, naming the field', () => {
    expect(
      thrown(RecordValidationError, () => submit({ ...exampleJson('merit-zhang-peng'), grade: 9 }, CLERK)).message,
    ).toContain('grade: must be 1, 2 or 3');
  });
});

describe('the approvers’ transitions', () => {
  it('approves a submitted award: APPROVED, who and when, revision + 1', () => {
    const award = approved();
    expect(award.revision).toBe(2);
    expect(award.record).toMatchObject({ status: 'APPROVED', approvedBy: '审核专班', approvedAt: AT.toISOString() });
  });

  it('approves only a submitted award', () => {
    expect(refusal(() => approve(approved(), { by: decider('审核专班'), at: AT }))).toBe(
      'cannot approve award merit-zhang-peng: it is APPROVED, and only a SUBMITTED award can be; nothing was changed',
    );
    expect(refusal(() => approve(revoked(), { by: decider('审核专班'), at: AT }))).toContain('it is REVOKED');
    expect(refusal(() => approve(submitted(), { by: decider(' '), at: AT }))).toContain(
      'the decision must be made by a signed-in identity',
    );
  });

  it('revokes an approved award, keeping its documents as they are for the pipeline to withdraw', () => {
    const withDocuments: Award = { ...approved(), documents: [ref(1)] };
    const award = revoke(withDocuments, { by: decider('审核专班'), reason: '核查不实', at: AT });
    expect(award.record).toMatchObject({
      status: 'REVOKED',
      revokedAt: AT.toISOString(),
      revocationReason: '核查不实',
    });
    expect(award.documents).toEqual([ref(1)]);
    expect(refusal(() => revoke(submitted(), { by: decider('审核专班'), reason: '核查不实', at: AT }))).toContain(
      'it is SUBMITTED',
    );
    expect(refusal(() => revoke(revoked(), { by: decider('审核专班'), reason: '核查不实', at: AT }))).toContain(
      'it is REVOKED',
    );
    expect(refusal(() => revoke(approved(), { by: decider('审核专班'), reason: '', at: AT }))).toContain(
      'the reason must be one line',
    );
  });

  it('records a delivery of an approved award to its recipient, and of nothing else', () => {
    const before = (approved().record.deliveries as unknown[]).length;
    const award = deliver(approved(), { at: '2020-03-04T10:00:00+08:00', place: '小区检查点' }, CLERK);
    expect(award.record.deliveries).toHaveLength(before + 1);
    expect(refusal(() => deliver(submitted(), { at: '2020-03-04T10:00:00+08:00', place: 'x' }, CLERK))).toContain(
      'it is SUBMITTED',
    );
    expect(refusal(() => deliver(approved(), { at: '2020-03-04T10:00', place: 'x' }, CLERK))).toContain(
      'at: must be an ISO 8601 date-time',
    );
    const telegram = approve(submit(exampleJson('telegram-sympathy-sun-dejian'), CLERK), {
      by: decider('审核专班'),
      at: AT,
    });
    expect(refusal(() => deliver(telegram, { at: '2020-03-04T10:00:00+08:00', place: 'x' }, CLERK))).toContain(
      'a telegram has no recipient',
    );
  });
});

describe('correct', () => {
  const fix = (award: Award, changes: Record<string, unknown> = {}) => ({
    ...exampleJson('merit-zhang-peng'),
    deed: '在疫情防控一线表现突出',
    version: award.record.version,
    ...changes,
  });

  it('makes version + 1 from the current version, keeping where the award stands and its deliveries', () => {
    const delivered = deliver(approved(), { at: '2020-03-04T10:00:00+08:00', place: '小区检查点' }, CLERK);
    const award = correct(delivered, fix(delivered, { status: 'SUBMITTED', approvedBy: '伪造' }), CLERK);
    expect(award.record).toMatchObject({
      version: 2,
      status: 'APPROVED',
      approvedBy: '审核专班',
      deed: '在疫情防控一线表现突出',
    });
    expect(award.record.deliveries).toEqual(delivered.record.deliveries);
    expect(award.revision).toBe(delivered.revision + 1);
  });

  it('refuses a correction made from an earlier version', () => {
    const v2 = correct(approved(), fix(approved()), CLERK);
    expect(refusal(() => correct(v2, fix(approved()), CLERK))).toContain(
      'it is at version 2, but this correction was made from version 1',
    );
  });

  it('refuses to correct a revoked award: its documents are withdrawn, a corrected record is a new award', () => {
    expect(refusal(() => correct(revoked(), fix(revoked()), CLERK))).toContain(
      'it is REVOKED and its documents are withdrawn; submit the corrected record as a new award',
    );
  });

  it('refuses a correction of another record or into another kind', () => {
    expect(refusal(() => correct(approved(), fix(approved(), { id: 'merit-other' }), CLERK))).toContain(
      'the correction is of record merit-other',
    );
    expect(
      refusal(() => correct(approved(), { ...exampleJson('commendation-ce-ren'), id: 'merit-zhang-peng' }, CLERK)),
    ).toContain('may not change the kind');
  });

  it('keeps a numbered order’s 文号, and with it its authority code and year', () => {
    const { documentNumber: _n, ...json } = exampleJson('commendation-order-2020-12');
    const order = assignNumber(approve(submit(json, CLERK), { by: decider('审核专班'), at: AT }), '内公奖〔2020〕3号');
    const corrected = correct(order, { ...json, title: `${json.title as string}（更正）` }, CLERK);
    expect(corrected.record.documentNumber).toBe('内公奖〔2020〕3号');
    expect(refusal(() => correct(order, { ...json, issuedAt: '2021-01-05T09:00:00+08:00' }, CLERK))).toContain(
      'holds 内公奖〔2020〕3号',
    );
  });

  it('refuses a correction whose result breaks the contract', () => {
    expect(
      thrown(RecordValidationError, () => correct(approved(), fix(approved(), { grade: 9 }), CLERK)).message,
    ).toContain('grade: must be 1, 2 or 3');
  });
});

describe('the pipeline’s transitions', () => {
  it('records the current version’s documents beside the earlier ones', () => {
    const v1 = recordRendered(approved(), [ref(1)], '2020-03-02T01:00:00Z');
    const v2 = correct(v1, { ...exampleJson('merit-zhang-peng'), deed: '更正' }, CLERK);
    const rendered = recordRendered(v2, [ref(2)], '2020-03-03T01:00:00Z');
    expect(rendered.documents).toEqual([ref(1), ref(2)]);
    expect(rendered.rendering).toEqual({ renderedVersion: 2, renderedAt: '2020-03-03T01:00:00Z' });
    expect(() => recordRendered(rendered, [ref(2)], '2020-03-03T01:00:00Z')).toThrow('version 2 is rendered already');
    expect(() => recordRendered(revoked(), [ref(1)], '2020-03-03T01:00:00Z')).toThrow(
      'only an approved award has documents made',
    );
  });

  it('marks the current version failed, and a later render clears it', () => {
    const failed = recordFailed(approved(), 'record merit-zhang-peng: grade: must be 1, 2 or 3');
    expect(failed.rendering.failure).toEqual({
      version: 1,
      reason: 'record merit-zhang-peng: grade: must be 1, 2 or 3',
    });
    expect(
      recordRendered(correct(failed, { ...exampleJson('merit-zhang-peng') }, CLERK), [ref(2)], 'now').rendering.failure,
    ).toBeUndefined();
  });

  it('withdraws every document of a revoked award, and those stored for it while it was revoked', () => {
    const award = revoke(recordRendered(approved(), [ref(1)], 'then'), {
      by: decider('审核专班'),
      reason: '核查不实',
      at: AT,
    });
    const withdrawn = withdrawDocuments(award, '2020-04-01T00:00:00Z', [ref(1), ref(2)]);
    expect(withdrawn.documents).toEqual(
      [1, 2].map((version) => ({ ...ref(version), withdrawn: true, withdrawnAt: '2020-04-01T00:00:00Z' })),
    );
    expect(() => withdrawDocuments(approved(), 'now')).toThrow('only a revoked award has its documents withdrawn');
  });

  it('numbers only an approved award without a number', () => {
    expect(assignNumber(approved(), '内公奖〔2020〕1号').record.documentNumber).toBe('内公奖〔2020〕1号');
    expect(() => assignNumber(assignNumber(approved(), '内公奖〔2020〕1号'), '内公奖〔2020〕2号')).toThrow(
      'without a number',
    );
    expect(() => assignNumber(submitted(), '内公奖〔2020〕1号')).toThrow(
      'only an approved award without a number is numbered',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { AwardRefusal } from '../../../functions/core/award/AwardRefusal.js';
import {
  approve,
  correct,
  reject,
  returnForCorrection,
  revoke,
  submit,
} from '../../../functions/core/award/awardTransitions.js';
import { CLERK, decider } from '../../support/deciders.js';
import { exampleJson } from '../../support/examples.js';
import { thrown } from '../../support/thrown.js';

const AT = new Date('2020-03-02T09:00:00+08:00');
const APPROVER = decider('政治部审批人');
const submitted = () => submit(exampleJson('merit-zhang-peng'), CLERK);
const returned = () => returnForCorrection(submitted(), { by: APPROVER, at: AT, reason: '事迹材料不全，请补充' });

function refusal(act: () => unknown): string {
  const error = thrown(AwardRefusal, act);
  expect(error.message).toContain('nothing was changed');
  return error.message;
}

describe('return for correction (退回修改)', () => {
  it('turns a SUBMITTED award RETURNED, with when, why and who', () => {
    const award = returned();
    expect(award.record).toMatchObject({
      status: 'RETURNED',
      returnedAt: AT.toISOString(),
      returnReason: '事迹材料不全，请补充',
    });
    expect(award.revision).toBe(2);
    expect(award.decisions.at(-1)).toEqual({
      action: 'return',
      by: APPROVER,
      at: AT.toISOString(),
      version: 1,
      reason: '事迹材料不全，请补充',
    });
  });

  it('needs a reason, a signed-in identity and a SUBMITTED award', () => {
    expect(refusal(() => returnForCorrection(submitted(), { by: APPROVER, at: AT, reason: '' }))).toContain(
      'the reason must be one line',
    );
    expect(
      refusal(() => returnForCorrection(submitted(), { by: { sub: '', name: '某人' }, at: AT, reason: '补充' })),
    ).toContain('signed-in identity');
    const approved = approve(submitted(), { by: APPROVER, at: AT });
    expect(refusal(() => returnForCorrection(approved, { by: APPROVER, at: AT, reason: '补充' }))).toContain(
      'it is APPROVED, and only a SUBMITTED award can be',
    );
    expect(refusal(() => approve(returned(), { by: APPROVER, at: AT }))).toContain('it is RETURNED');
  });

  it('is resubmitted by its correction: SUBMITTED again, version + 1, the return kept in the history', () => {
    const corrected = correct(returned(), { ...exampleJson('merit-zhang-peng'), deed: '在抗疫一线表现突出' }, CLERK);
    expect(corrected.record).toMatchObject({ status: 'SUBMITTED', version: 2, deed: '在抗疫一线表现突出' });
    expect(corrected.decisions.map((decision) => [decision.action, decision.version])).toEqual([
      ['submit', 1],
      ['return', 1],
      ['correct', 2],
    ]);
    // The returned version's reason stays on the record for the approver to read; approval follows.
    expect(approve(corrected, { by: APPROVER, at: AT }).record.status).toBe('APPROVED');
  });
});

describe('reject (不予批准)', () => {
  it('refuses a SUBMITTED or RETURNED award for good', () => {
    for (const award of [submitted(), returned()]) {
      const rejected = reject(award, { by: APPROVER, at: AT, reason: '不符合表彰条件' });
      expect(rejected.record).toMatchObject({ status: 'REJECTED', rejectionReason: '不符合表彰条件' });
      expect(rejected.decisions.at(-1)).toMatchObject({ action: 'reject', by: APPROVER, reason: '不符合表彰条件' });
      expect(refusal(() => approve(rejected, { by: APPROVER, at: AT }))).toContain('it is REJECTED');
      expect(refusal(() => correct(rejected, exampleJson('merit-zhang-peng'), CLERK))).toContain(
        'it is REJECTED, which is final',
      );
    }
  });

  it('cannot undo an approval: an approved award is revoked instead', () => {
    const approved = approve(submitted(), { by: APPROVER, at: AT });
    expect(refusal(() => reject(approved, { by: APPROVER, at: AT, reason: '不符合' }))).toContain(
      'only a SUBMITTED or RETURNED award can be',
    );
    expect(revoke(approved, { by: APPROVER, at: AT, reason: '核查不实' }).decisions.at(-1)).toMatchObject({
      action: 'revoke',
      by: APPROVER,
    });
  });
});

describe('decisions', () => {
  it('name the signed-in identity, not a free text: the approval records its subject and name', () => {
    const approved = approve(submitted(), { by: APPROVER, at: AT });
    expect(approved.record.approvedBy).toBe('政治部审批人');
    expect(approved.decisions).toEqual([
      { action: 'submit', by: CLERK.by, at: CLERK.at.toISOString(), version: 1 },
      { action: 'approve', by: APPROVER, at: AT.toISOString(), version: 1 },
    ]);
  });
});

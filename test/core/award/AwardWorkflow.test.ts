import { decider } from '../../support/deciders.js';
import { describe, expect, it } from 'vitest';
import { AwardChangedMeanwhile, AwardRefusal } from '../../../functions/core/award/AwardRefusal.js';
import { AwardWorkflow } from '../../../functions/core/award/AwardWorkflow.js';
import { assignNumber, recordRendered } from '../../../functions/core/award/renderTransitions.js';
import { exampleJson } from '../../support/examples.js';
import { InMemoryAwardStore } from '../../support/InMemoryAwardStore.js';
import { PausingAwardStore } from '../../support/PausingAwardStore.js';
import { certificateRef } from '../../support/documentRefs.js';

const now = () => new Date('2020-03-02T09:00:00+08:00');
const ref = certificateRef(1);

async function approvedAward() {
  const store = new InMemoryAwardStore();
  const workflow = new AwardWorkflow(store, now);
  await workflow.submit(exampleJson('merit-zhang-peng'), decider('录入员'));
  await workflow.approve('merit-zhang-peng', decider('审核专班'));
  return { store, workflow };
}

describe('AwardWorkflow', () => {
  it('refuses to import a record twice, and to change an award that does not exist', async () => {
    const { workflow } = await approvedAward();
    await expect(workflow.submit(exampleJson('merit-zhang-peng'), decider('录入员'))).rejects.toThrow(
      'record merit-zhang-peng already exists: correct it instead of importing it again',
    );
    await expect(workflow.revoke('no-such-award', '核查不实', decider('审核专班'))).rejects.toThrow(
      new AwardRefusal('no-such-award', 'cannot revoke award no-such-award: it does not exist'),
    );
  });

  it('applies its rule again when only the pipeline wrote between its read and its write', async () => {
    const { store } = await approvedAward();
    const pausing = new PausingAwardStore(store);
    const held = pausing.holdNextWrite();
    const revoking = new AwardWorkflow(pausing, now).revoke('merit-zhang-peng', '核查不实', decider('审核专班'));
    await held.reached;
    const read = (await store.get('merit-zhang-peng'))!;
    await store.save(read, recordRendered(read, [ref], 't'));
    held.release();
    const revoked = await revoking;
    expect(revoked.record.status).toBe('REVOKED');
    // The documents the pipeline recorded meanwhile are kept, for it to withdraw.
    expect((await store.get('merit-zhang-peng'))!).toMatchObject({
      revision: 4,
      documents: [ref],
      record: { status: 'REVOKED' },
    });
  });

  it('counts a 文号 given meanwhile as the pipeline’s, and keeps it on the correction', async () => {
    const store = new InMemoryAwardStore();
    const workflow = new AwardWorkflow(store, now);
    const { documentNumber: _n, ...json } = exampleJson('commendation-order-2020-12');
    await workflow.submit(json, decider('录入员'));
    await workflow.approve(String(json.id), decider('审核专班'));
    const pausing = new PausingAwardStore(store);
    const held = pausing.holdNextWrite();
    const correcting = new AwardWorkflow(pausing, now).correct(
      {
        ...json,
        id: String(json.id),
        title: '关于表彰（更正）的命令',
      },
      decider('录入员'),
    );
    await held.reached;
    const read = (await store.get(String(json.id)))!;
    await store.save(read, assignNumber(read, '内公奖〔2020〕1号'));
    held.release();
    expect((await correcting).record).toMatchObject({
      version: 2,
      documentNumber: '内公奖〔2020〕1号',
      title: '关于表彰（更正）的命令',
    });
  });

  it('refuses, changing nothing, when another approver’s change landed meanwhile', async () => {
    const { store } = await approvedAward();
    const pausing = new PausingAwardStore(store);
    const held = pausing.holdNextWrite();
    const delivering = new AwardWorkflow(pausing, now).deliver(
      'merit-zhang-peng',
      {
        at: '2020-03-04T10:00:00+08:00',
        place: '小区检查点',
      },
      decider('录入员'),
    );
    await held.reached;
    await new AwardWorkflow(store, now).revoke('merit-zhang-peng', '核查不实', decider('审核专班'));
    const before = await store.get('merit-zhang-peng');
    held.release();
    const refusal = await delivering.catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AwardChangedMeanwhile);
    expect((refusal as Error).message).toBe(
      'cannot record a delivery of award merit-zhang-peng: the award changed meanwhile (now REVOKED, version 1); ' +
        'nothing was changed — look at it again (show) and decide',
    );
    expect(await store.get('merit-zhang-peng')).toEqual(before);
  });

  it('approves a list as a whole: a hundred awards to a write, each on its revision', async () => {
    const store = new InMemoryAwardStore();
    const workflow = new AwardWorkflow(store, now);
    const ids = Array.from({ length: 150 }, (_, i) => `merit-${i}`);
    for (const id of ids) await workflow.submit({ ...exampleJson('merit-zhang-peng'), id }, decider('录入员'));
    const writes: number[] = [];
    const saveAll = store.saveAll.bind(store);
    store.saveAll = (changes) => {
      writes.push(changes.length);
      return saveAll(changes);
    };
    const approved = await workflow.approveAll(ids, decider('审核专班'));
    expect(writes).toEqual([100, 50]);
    expect(approved.map((award) => award.record.id)).toEqual(ids);
    for (const id of ids)
      expect((await store.get(id))!.record).toMatchObject({ status: 'APPROVED', approvedBy: '审核专班' });
  });

  it('refuses the whole list, writing nothing, when one award is missing or cannot be approved', async () => {
    const { store, workflow } = await approvedAward();
    await workflow.submit({ ...exampleJson('merit-zhang-peng'), id: 'merit-new' }, decider('录入员'));
    const before = await store.get('merit-new');
    await expect(workflow.approveAll(['merit-new', 'no-such-award'], decider('审核专班'))).rejects.toThrow(
      'cannot approve award no-such-award: it does not exist',
    );
    // merit-zhang-peng is approved already: approving it again is refused by the rule.
    await expect(workflow.approveAll(['merit-new', 'merit-zhang-peng'], decider('审核专班'))).rejects.toBeInstanceOf(
      AwardRefusal,
    );
    expect(await store.get('merit-new')).toEqual(before);
  });

  it('approves a list again, whole, when only the pipeline moved one of its awards meanwhile', async () => {
    const store = new InMemoryAwardStore();
    const workflow = new AwardWorkflow(store, now);
    for (const id of ['a', 'b']) await workflow.submit({ ...exampleJson('merit-zhang-peng'), id }, decider('录入员'));
    const pausing = new PausingAwardStore(store);
    const held = pausing.holdNextWrite();
    const approving = new AwardWorkflow(pausing, now).approveAll(['a', 'b'], decider('审核专班'));
    await held.reached;
    // The pipeline's bookkeeping moves b between the list's read and its write.
    const b = (await store.get('b'))!;
    await store.save(b, { ...b, revision: b.revision + 1 });
    held.release();
    const approved = await approving;
    expect(approved.map((award) => [award.record.id, award.record.status])).toEqual([
      ['a', 'APPROVED'],
      ['b', 'APPROVED'],
    ]);
    expect((await store.get('b'))!.revision).toBe(b.revision + 2);
  });

  it('refuses a list naming an id twice before anything is written', async () => {
    const store = new InMemoryAwardStore();
    const workflow = new AwardWorkflow(store, now);
    await workflow.submit({ ...exampleJson('merit-zhang-peng'), id: 'x' }, decider('录入员'));
    await expect(workflow.approveAll(['x', 'x'], decider('审核专班'))).rejects.toThrow(
      'cannot approve the list: x is listed twice; nothing was changed',
    );
    expect((await store.get('x'))!).toMatchObject({ revision: 1, record: { status: 'SUBMITTED' } });
  });

  it('loses a race with an overlapping list whole: its other award is not approved, and it says so truly', async () => {
    const store = new InMemoryAwardStore();
    const workflow = new AwardWorkflow(store, now);
    for (const id of ['a', 'b', 'c'])
      await workflow.submit({ ...exampleJson('merit-zhang-peng'), id }, decider('录入员'));
    const pausing = new PausingAwardStore(store);
    const held = pausing.holdNextWrite();
    const losing = new AwardWorkflow(pausing, now).approveAll(['a', 'b'], decider('审核专班'));
    await held.reached;
    // Another approver's list [b, c] lands between the first list's read and its write.
    await workflow.approveAll(['b', 'c'], decider('政治部'));
    held.release();
    const refusal = await losing.catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AwardChangedMeanwhile);
    expect((refusal as Error).message).toBe(
      'cannot approve award b: the award changed meanwhile (now APPROVED, version 1); ' +
        'nothing was changed — look at it again (show) and decide',
    );
    // "Nothing was changed" holds: a is still waiting, b and c were approved by the other list.
    expect((await store.get('a'))!.record.status).toBe('SUBMITTED');
    expect((await store.get('b'))!.record.approvedBy).toBe('政治部');
  });
});

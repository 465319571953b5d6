import { describe, expect, it } from 'vitest';
import { UndrawableAward } from '../../../functions/core/award/AwardRefusal.js';
import { AwardWorkflow } from '../../../functions/core/award/AwardWorkflow.js';
import { submit } from '../../../functions/core/award/awardTransitions.js';
import { DraftDocuments } from '../../../functions/core/documents/renderDrafts.js';
import { CLERK, decider } from '../../support/deciders.js';
import { exampleJson } from '../../support/examples.js';
import { InMemoryAwardStore } from '../../support/InMemoryAwardStore.js';

const now = () => new Date('2020-03-02T09:00:00+08:00');
const drafts = new DraftDocuments({ ownAuthority: { name: '内蒙古自治区公安厅', code: '内公奖' } });
const APPROVER = decider('政治部审批人');
const zhangPeng = exampleJson('merit-zhang-peng') as { recipient: Record<string, unknown> };

/** Records whose documents cannot be drawn, and the field and reason each refusal must name. */
const UNDRAWABLE = [
  {
    what: 'an emoji in the name',
    record: { ...zhangPeng, recipient: { ...zhangPeng.recipient, name: '张😀' } },
    field: 'recipient.name',
    says: '"😀" (U+1F600)',
  },
  {
    what: 'a character beyond every font (𪚥)',
    record: { ...zhangPeng, recipient: { ...zhangPeng.recipient, name: '张𪚥' } },
    field: 'recipient.name',
    says: '"𪚥" (U+2A6A5)',
  },
  {
    what: 'an authority this deployment does not issue for',
    record: { ...zhangPeng, authority: { name: '中华人民共和国公安部' } },
    field: 'authority',
    says: '"中华人民共和国公安部" is not a registered authority',
  },
  {
    what: 'an honorary title too long for the certificate’s one sheet',
    record: {
      ...exampleJson('honorary-title-he-jianhua'),
      title: '全国公安系统抗击新冠肺炎疫情先进个人'.repeat(11),
      deed: `在${'疫情防控'.repeat(29)}`,
    },
    field: 'title',
    says: 'shorten it',
  },
];

describe('the preflight: drafts drawn before a record is submitted or approved', () => {
  it.each(UNDRAWABLE)(
    'refuses to submit $what, naming the field, and stores nothing',
    async ({ record, field, says }) => {
      const store = new InMemoryAwardStore();
      const workflow = new AwardWorkflow(store, now, drafts);
      const refused = await workflow.submit(record, CLERK.by).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(UndrawableAward);
      expect((refused as UndrawableAward).field).toMatch(new RegExp(`^${field.replace('.', '\\.')}`));
      expect((refused as Error).message).toContain(says);
      expect((refused as Error).message).toContain('nothing was changed');
      expect(store.awards.size).toBe(0);
    },
  );

  it.each(UNDRAWABLE)(
    'refuses to approve $what written straight into the table, alone or in a list',
    async ({ record, says }) => {
      const store = new InMemoryAwardStore();
      // As a record can reach the table without the tool: stored as submitted, no drafts drawn.
      await store.create(submit({ ...record, id: 'undrawable' }, CLERK));
      const workflow = new AwardWorkflow(store, now, drafts);
      await workflow.submit({ ...exampleJson('merit-he-xia'), id: 'drawable' }, CLERK.by);
      await expect(workflow.approve('undrawable', APPROVER)).rejects.toThrow(says);
      await expect(workflow.approveAll(['drawable', 'undrawable'], APPROVER)).rejects.toBeInstanceOf(UndrawableAward);
      // The list is all or nothing: its drawable award was not approved either.
      expect((await store.get('drawable'))!.record.status).toBe('SUBMITTED');
      expect((await store.get('undrawable'))!.record.status).toBe('SUBMITTED');
    },
  );

  it('refuses a correction that cannot be drawn, keeping the version', async () => {
    const store = new InMemoryAwardStore();
    const workflow = new AwardWorkflow(store, now, drafts);
    await workflow.submit(zhangPeng, CLERK.by);
    const { record } = UNDRAWABLE[0]!;
    await expect(workflow.correct({ ...record, id: 'merit-zhang-peng' }, CLERK.by)).rejects.toBeInstanceOf(
      UndrawableAward,
    );
    expect((await store.get('merit-zhang-peng'))!.record.version).toBe(1);
  });
});

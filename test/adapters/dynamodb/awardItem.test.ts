import { describe, expect, it } from 'vitest';
import { awardFromItem, itemOfAward, readableAward } from '../../../functions/adapters/dynamodb/awardItem.js';
import { type Award, awardOfRecord } from '../../../functions/core/award/Award.js';
import { RecordValidationError } from '../../../functions/core/records/index.js';
import { exampleJson } from '../../support/examples.js';
import { thrown } from '../../support/thrown.js';
import { certificateRef } from '../../support/documentRefs.js';

const ref = certificateRef(1);
const AT = '2020-03-02T00:00:00.000Z';

describe('award items', () => {
  it('keeps an award whole through its item: record, revision, documents and what the pipeline did', () => {
    const rendered: Award = {
      ...awardOfRecord(exampleJson('merit-zhang-peng'), 7),
      documents: [ref],
      rendering: { renderedVersion: 1, renderedAt: 't' },
    };
    const failed: Award = {
      ...awardOfRecord(exampleJson('merit-he-xia'), 2),
      rendering: { failure: { version: 1, reason: 'grade: must be 1, 2 or 3' } },
    };
    for (const award of [rendered, failed]) expect(awardFromItem(itemOfAward(award, AT))).toEqual(award);
    expect(itemOfAward(rendered, AT)).toMatchObject({
      pk: 'AWARD#merit-zhang-peng',
      itemType: 'AWARD',
      renderStatus: 'RENDERED',
      region: '呼伦贝尔市',
    });
    expect(itemOfAward(failed, AT)).toMatchObject({
      renderStatus: 'FAILED',
      failedVersion: 1,
      failureReason: 'grade: must be 1, 2 or 3',
    });
  });

  it('files an award whose documents lag behind its state in the sweep’s index, and no other', () => {
    const approved = awardOfRecord(exampleJson('merit-zhang-peng'));
    const revoked = { ...approved, record: { ...approved.record, status: 'REVOKED' as const } };
    const lagOf = (award: Award) => itemOfAward(award, AT).lag;
    expect(lagOf(approved)).toBe('RENDER');
    expect(itemOfAward(approved, AT).changedAt).toBe(AT);
    expect(lagOf({ ...approved, rendering: { renderedVersion: 1, renderedAt: 't' } })).toBeUndefined();
    expect(lagOf({ ...approved, rendering: { failure: { version: 1, reason: 'x' } } })).toBeUndefined();
    expect(lagOf({ ...revoked, documents: [ref] })).toBe('WITHDRAW');
    expect(lagOf({ ...revoked, documents: [{ ...ref, withdrawn: true }] })).toBeUndefined();
    expect(lagOf({ ...approved, record: { ...approved.record, status: 'SUBMITTED' } })).toBeUndefined();
    expect(awardFromItem(itemOfAward(approved, AT))).toEqual(approved);
  });

  it('reads an item written without a revision as revision 0, and one without a version as version 1', () => {
    const { version: _v, ...json } = exampleJson('merit-zhang-peng');
    expect(awardFromItem({ ...json, pk: 'AWARD#merit-zhang-peng', itemType: 'AWARD' })).toMatchObject({
      revision: 0,
      record: { version: 1 },
    });
  });

  it('leaves other items to their own readers, and refuses an award item it cannot read', () => {
    expect(awardFromItem({ pk: 'COUNTER#内公奖#2020', itemType: 'NUMBER_COUNTER', lastSerial: 3 })).toBeUndefined();
    const unreadable = {
      ...exampleJson('merit-zhang-peng'),
      pk: 'AWARD#merit-zhang-peng',
      itemType: 'AWARD',
      status: 'DONE',
      version: 'one',
    };
    expect(thrown(RecordValidationError, () => awardFromItem(unreadable)).message).toBe(
      'record merit-zhang-peng: status: must be one of DRAFT, SUBMITTED, RETURNED, REJECTED, APPROVED, REVOKED; ' +
        'version: must be a whole number from 1',
    );
    expect(readableAward(unreadable)).toBeUndefined();
  });
});

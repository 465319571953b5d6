import { describe, expect, it } from 'vitest';
import { type Award, awardOfRecord } from '../../../functions/core/award/Award.js';
import { changeDelta, REGION_SCOPE } from '../../../functions/core/statistics/changeDelta.js';
import { figuresOfCounters } from '../../../functions/core/statistics/counters.js';
import { countFigures, issuedRecords } from '../../../functions/core/statistics/index.js';
import { exampleJson } from '../../support/examples.js';

const item = (changes: Record<string, unknown> = {}): Award =>
  awardOfRecord({ ...exampleJson('merit-zhang-peng'), ...changes });
const submitted = item({ status: 'SUBMITTED', approvedAt: undefined, approvedBy: undefined });
const approved = item();

describe('changeDelta', () => {
  it('adds an approved award, with its deliveries, to the region and its 盟市', () => {
    expect(changeDelta(submitted, approved)).toEqual([
      { scope: REGION_SCOPE, delta: { meritIndividual: 1, deliveries: 1 } },
      { scope: '呼伦贝尔市', delta: { meritIndividual: 1, deliveries: 1 } },
    ]);
  });

  it('takes a revoked award away again', () => {
    const revoked = item({ status: 'REVOKED', revokedAt: '2020-04-01T00:00:00+08:00', revocationReason: '核查不实' });
    expect(changeDelta(approved, revoked)).toEqual([
      { scope: REGION_SCOPE, delta: { meritIndividual: -1, deliveries: -1 } },
      { scope: '呼伦贝尔市', delta: { meritIndividual: -1, deliveries: -1 } },
    ]);
  });

  it('moves an award corrected into another 盟市, leaving the region as it was', () => {
    expect(changeDelta(approved, item({ region: '兴安盟', version: 2 }))).toEqual([
      { scope: '呼伦贝尔市', delta: { meritIndividual: -1, deliveries: -1 } },
      { scope: '兴安盟', delta: { meritIndividual: 1, deliveries: 1 } },
    ]);
  });

  it('counts a delivery recorded on an approved award', () => {
    const delivered = item({
      deliveries: [...(approved.record.deliveries as unknown[]), { at: '2020-03-05T10:00:00+08:00', place: '检查点' }],
    });
    expect(changeDelta(approved, delivered)).toEqual([
      { scope: REGION_SCOPE, delta: { deliveries: 1 } },
      { scope: '呼伦贝尔市', delta: { deliveries: 1 } },
    ]);
  });

  it('moves nothing for the render function’s write-back or an invalid record', () => {
    expect(
      changeDelta(approved, {
        ...approved,
        revision: 2,
        rendering: { renderedVersion: 1, renderedAt: '2020-03-02T00:00:00Z' },
      }),
    ).toEqual([]);
    expect(changeDelta(undefined, item({ grade: 9 }))).toEqual([]);
  });

  it('does not count an award whose documents could not be drawn, and counts it once a correction is drawn', () => {
    const failure = { version: 1, reason: 'recipient.name: "😀" (U+1F600) is in no font' };
    const failed: Award = { ...approved, revision: 2, rendering: { failure } };
    expect(changeDelta(approved, failed)).toEqual([
      { scope: REGION_SCOPE, delta: { meritIndividual: -1, deliveries: -1 } },
      { scope: '呼伦贝尔市', delta: { meritIndividual: -1, deliveries: -1 } },
    ]);
    expect(changeDelta(undefined, failed)).toEqual([]);
    // The corrected version is not the one that failed: it counts again.
    const corrected: Award = { ...failed, revision: 3, record: { ...failed.record, version: 2 } };
    expect(changeDelta(failed, corrected)).toEqual([
      { scope: REGION_SCOPE, delta: { meritIndividual: 1, deliveries: 1 } },
      { scope: '呼伦贝尔市', delta: { meritIndividual: 1, deliveries: 1 } },
    ]);
  });

  it('keeps the counters a recount of the stored awards gives, failed ones left out of both', () => {
    const ref = { kind: 'certificate', version: 1, key: 'k', sha256: 's', pages: 1, bytes: 1, renderedAt: 'x' };
    const failure = (version: number) => ({ failure: { version, reason: 'no font' } });
    const awards: Award[] = [
      { ...approved, documents: [ref], rendering: { renderedVersion: 1 } },
      { ...item({ id: 'merit-failed' }), rendering: failure(1) },
      // Its correction failed, but the first version's certificate was issued: it counts.
      { ...item({ id: 'merit-corrected', version: 2 }), documents: [ref], rendering: failure(2) },
      awardOfRecord({ ...exampleJson('commendation-order-2020-12') }),
      { ...awardOfRecord({ ...exampleJson('telegram-condolence-he-jianhua') }), rendering: failure(1) },
    ];
    const kept: Record<string, number> = {};
    for (const award of awards) {
      for (const { scope, delta } of changeDelta(undefined, award)) {
        if (scope !== REGION_SCOPE) continue;
        for (const [field, change] of Object.entries(delta)) kept[field] = (kept[field] ?? 0) + change;
      }
    }
    const recount = countFigures(issuedRecords(awards), new Date('2100-01-01T00:00:00Z'));
    expect(figuresOfCounters(kept)).toEqual(recount);
    expect(recount.merit.total).toBe(2);
    expect([recount.commendationOrders, recount.telegrams]).toEqual([1, 0]);
  });
});

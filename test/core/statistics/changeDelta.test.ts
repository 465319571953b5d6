import { describe, expect, it } from 'vitest';
import { type Award, awardOfRecord } from '../../../functions/core/award/Award.js';
import { changeDelta, REGION_SCOPE } from '../../../functions/core/statistics/changeDelta.js';
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
});

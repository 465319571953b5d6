import { describe, expect, it } from 'vitest';
import type { MeritRecord } from '../../../functions/core/records/index.js';
import { countFigures } from '../../../functions/core/statistics/index.js';
import { collectiveRecipient, examples } from './exampleRecords.js';

const asOf = new Date('2020-03-10T08:00:00+08:00');
const before = '2020-03-09T08:00:00+08:00';
const atCutoff = '2020-03-10T08:00:00+08:00';
const after = '2020-03-11T08:00:00+08:00';

function merit(fields: Partial<MeritRecord> = {}): MeritRecord {
  return { ...examples.merit, approvedAt: before, deliveries: [{ at: before, place: '检查点' }], ...fields };
}
const revoked = (revokedAt: string) => merit({ status: 'REVOKED', revokedAt, revocationReason: '核查不实' });

describe('countFigures', () => {
  it('counts an award revoked after the cut-off, and its deliveries: the bulletin stays reproducible', () => {
    const figures = countFigures([revoked(after)], asOf);
    expect(figures.merit).toEqual({ total: 1, collective: 0, individual: 1 });
    expect(figures.deliveries).toBe(1);
  });

  it('drops an award revoked at or before the cut-off, with its deliveries', () => {
    for (const revokedAt of [before, atCutoff]) {
      const figures = countFigures([revoked(revokedAt)], asOf);
      expect(figures.merit.total, revokedAt).toBe(0);
      expect(figures.deliveries, revokedAt).toBe(0);
    }
  });

  it('counts approvals up to and including the cut-off', () => {
    expect(countFigures([merit({ approvedAt: atCutoff })], asOf).merit.total).toBe(1);
    expect(countFigures([merit({ approvedAt: after })], asOf).merit.total).toBe(0);
  });

  it('compares instants, not the text of times in other offsets', () => {
    expect(countFigures([merit({ approvedAt: '2020-03-10T00:00:00Z' })], asOf).merit.total).toBe(1);
    expect(countFigures([merit({ approvedAt: '2020-03-10T00:00:01Z' })], asOf).merit.total).toBe(0);
  });

  it('never counts drafts or submitted records', () => {
    const figures = countFigures([merit({ status: 'DRAFT' }), merit({ status: 'SUBMITTED' })], asOf);
    expect(figures.merit.total).toBe(0);
    expect(figures.deliveries).toBe(0);
  });

  it('counts deliveries made by the cut-off only', () => {
    const deliveries = [before, atCutoff, after].map((at) => ({ at, place: '检查点' }));
    expect(countFigures([merit({ deliveries })], asOf).deliveries).toBe(2);
  });

  it('counts honorary titles as their own awards, by recipient', () => {
    const title = { ...examples.honoraryTitle, approvedAt: before, recipient: collectiveRecipient };
    const figures = countFigures([title], asOf);
    expect(figures.honoraryTitle).toEqual({ total: 1, collective: 1, individual: 0 });
    expect(figures.merit.total + figures.commendation.total).toBe(0);
  });

  it('counts praise bulletins and everyone they name', () => {
    const bulletin = { ...examples.praiseBulletin, approvedAt: before };
    expect(countFigures([bulletin, bulletin], asOf).praise).toEqual({ bulletins: 2, collectives: 8, individuals: 8 });
  });

  it('counts commendation orders and telegrams', () => {
    const figures = countFigures(
      [
        { ...examples.commendationOrder, approvedAt: before },
        { ...examples.telegram, approvedAt: before },
      ],
      asOf,
    );
    expect([figures.commendationOrders, figures.telegrams]).toEqual([1, 1]);
  });
});

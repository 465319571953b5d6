import type { AwardRecord } from '../../../functions/core/records/index.js';
import type { Figures } from '../../../functions/core/statistics/index.js';

/**
 * The bulletin's counting rules written out plainly, one filter per figure, to check the
 * implementation against: a record stands at `cutoff` when approved by then and not revoked by
 * then, and so do its deliveries made by then.
 */
export function recountFigures(records: readonly AwardRecord[], cutoff: string): Figures {
  const time = (iso: string) => new Date(iso).getTime();
  const end = time(cutoff);

  const standing = records.filter(
    (r) =>
      (r.status === 'APPROVED' || r.status === 'REVOKED') &&
      r.approvedAt !== undefined &&
      time(r.approvedAt) <= end &&
      !(r.status === 'REVOKED' && r.revokedAt !== undefined && time(r.revokedAt) <= end),
  );
  const counted = standing;

  const awards = (kind: AwardRecord['kind']) => {
    const ofKind = counted.filter((r) => r.kind === kind);
    const collective = ofKind.filter((r) => 'recipient' in r && r.recipient.type === 'collective').length;
    const individual = ofKind.filter((r) => 'recipient' in r && r.recipient.type === 'individual').length;
    return { total: ofKind.length, collective, individual };
  };
  const bulletins = counted.filter((r) => r.kind === 'praise-bulletin');
  let praisedCollectives = 0;
  let praisedIndividuals = 0;
  for (const bulletin of bulletins) {
    praisedCollectives += bulletin.collectives.length;
    praisedIndividuals += bulletin.individuals.length;
  }
  const deliveries = standing.flatMap((r) => ('deliveries' in r ? r.deliveries : [])).filter((d) => time(d.at) <= end);

  return {
    merit: awards('merit'),
    commendation: awards('commendation'),
    honoraryTitle: awards('honorary-title'),
    deliveries: deliveries.length,
    commendationOrders: counted.filter((r) => r.kind === 'commendation-order').length,
    telegrams: counted.filter((r) => r.kind === 'telegram').length,
    praise: { bulletins: bulletins.length, collectives: praisedCollectives, individuals: praisedIndividuals },
  };
}

import type { AuditEntry } from '../links/AuditTrail.js';
import type { Award } from './Award.js';

/** The audit line of the decision an award was just stored with (its newest). */
export function decisionAuditEntry(award: Award, scope: string | undefined): AuditEntry {
  const decision = award.decisions.at(-1);
  if (decision === undefined) throw new Error(`award ${award.record.id} carries no decision to audit`);
  return {
    at: decision.at,
    action: 'award-decided',
    decision: decision.action,
    subject: decision.by.sub,
    name: decision.by.name,
    ...(scope === undefined ? {} : { scope }),
    recordId: award.record.id,
    version: decision.version,
    status: 200,
    ...(decision.reason === undefined ? {} : { reason: decision.reason }),
  };
}

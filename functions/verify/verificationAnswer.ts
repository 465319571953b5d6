import type { Verification } from '../core/verification/VerificationService.js';

/**
 * The JSON answer (`Accept: application/json`): the document's standing and what it prints,
 * nothing more — no record id, no revocation reason. A code that finds nothing answers
 * {"status": "not-found"}, whatever the reason.
 */
export function verificationAnswer(verification: Verification): Record<string, unknown> {
  if (verification.status === 'not-found') return { status: 'not-found', message: '未找到' };
  return {
    status: verification.status,
    kind: verification.kind,
    title: verification.title,
    // Absent from documents stored before awards were recorded: never filled in by guess.
    ...(verification.award === undefined ? {} : { award: verification.award }),
    ...(verification.awardees === undefined ? {} : { awardees: verification.awardees }),
    authority: verification.authority,
    issuedAt: verification.issuedAt,
    ...(verification.documentNumber === undefined ? {} : { documentNumber: verification.documentNumber }),
    recipient: verification.recipient,
    ...(verification.unit === undefined ? {} : { unit: verification.unit }),
    version: verification.version,
    sha256: verification.sha256,
    ...(verification.ofdSha256 === undefined ? {} : { ofdSha256: verification.ofdSha256 }),
    ...(verification.revokedAt === undefined ? {} : { revokedAt: verification.revokedAt }),
    ...(verification.currentVersion === undefined ? {} : { currentVersion: verification.currentVersion }),
  };
}

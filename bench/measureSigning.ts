/**
 * The certificate with and without a PAdES signature by a local RSA-2048 development key,
 * interleaved round by round, and signing alone over certificates already rendered.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plannedDocuments } from '../functions/core/documents/DocumentKind.js';
import { renderRecordDocuments } from '../functions/core/documents/renderRecordDocuments.js';
import { DocumentEngine, type RenderedPdf } from '../functions/core/engine/DocumentEngine.js';
import { signPdf } from '../functions/core/signing/signPdf.js';
import { developmentSigner } from '../local/developmentSigner.js';
import { certificateRecords } from './benchRecords.js';
import { type RendererTimes, timesOf } from './measureCertificateContest.js';
import { type RoundsPlan, runInterleaved } from './interleavedRounds.js';
import { differencePerRound, type PairedSummary } from './pairedComparison.js';
import { summarize, type TimingSummary } from './stats.js';

export interface SigningMeasurement {
  readonly warmupRounds: number;
  readonly settled: boolean;
  readonly unsigned: RendererTimes;
  /** Render and sign, the whole call, as the pipeline stores it. */
  readonly signed: RendererTimes;
  /** signed_i − unsigned_i over the rounds: what signing adds to a certificate. */
  readonly signingAdds: PairedSummary;
  /** signPdf alone over already rendered certificates. */
  readonly signingAlone: TimingSummary;
}

export async function measureSigning(plan: RoundsPlan): Promise<SigningMeasurement> {
  const certificateFor = certificateRecords(plan.maxWarmupRounds + plan.timedRounds);
  const signer = developmentSigner(mkdtempSync(join(tmpdir(), 'bench-signing-')), '基准测试机关');
  const render = async (i: number, sign: boolean) => {
    const [certificate] = await renderRecordDocuments(
      certificateFor(i),
      undefined,
      undefined,
      sign ? signer : undefined,
    );
    return certificate!.bytes.byteLength;
  };
  const both = await runInterleaved(
    { unsigned: (i: number) => render(i, false), signed: (i: number) => render(i, true) },
    plan,
  );
  // Rendered as the pipeline renders them, so signing appends to the document just saved.
  const unsigned: RenderedPdf[] = [];
  for (let i = 0; i < plan.timedRounds; i++) {
    const [certificate] = plannedDocuments(certificateFor(i));
    unsigned.push(await DocumentEngine.shared().render(certificate!.kind, certificate!.view()));
  }
  const alone = await runInterleaved({ sign: (i: number) => signPdf(unsigned[i % unsigned.length]!, signer) }, plan);
  return {
    warmupRounds: both.warmupRounds,
    settled: both.settled,
    unsigned: timesOf(both, 'unsigned'),
    signed: timesOf(both, 'signed'),
    signingAdds: differencePerRound(both.samplesMs.signed, both.samplesMs.unsigned),
    signingAlone: summarize(alone.samplesMs.sign),
  };
}

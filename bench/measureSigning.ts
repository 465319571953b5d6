/** The certificate with and without a PAdES signature by a local RSA-2048 development key, warm. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plannedDocuments } from '../functions/core/documents/DocumentKind.js';
import { renderRecordDocuments } from '../functions/core/documents/renderRecordDocuments.js';
import { DocumentEngine, type RenderedPdf } from '../functions/core/engine/DocumentEngine.js';
import type { AwardRecord } from '../functions/core/records/index.js';
import { signPdf } from '../functions/core/signing/signPdf.js';
import { developmentSigner } from '../local/developmentSigner.js';
import type { IterationPlan } from './measureDocuments.js';
import { summarize, timeIterations, type TimingSummary } from './stats.js';

export interface SigningMeasurement {
  /** Render and sign, the whole call, as the pipeline stores it. */
  readonly signedCertificate: TimingSummary & { readonly bytes: number };
  /** signPdf alone over already rendered certificates: what signing adds. */
  readonly signingAlone: TimingSummary;
}

export async function measureSigning(
  recordFor: (i: number) => AwardRecord,
  plan: IterationPlan,
): Promise<SigningMeasurement> {
  const signer = developmentSigner(mkdtempSync(join(tmpdir(), 'bench-signing-')), '基准测试机关');
  const signed = await timeIterations(async (i) => {
    const [document] = await renderRecordDocuments(recordFor(i), undefined, undefined, signer);
    return document!;
  }, plan);
  // Rendered as the pipeline renders them, so signing appends to the document just saved.
  const unsigned: RenderedPdf[] = [];
  for (let i = 0; i < plan.warmup + plan.iterations; i++) {
    const [certificate] = plannedDocuments(recordFor(i));
    unsigned.push(await DocumentEngine.shared().render(certificate!.kind, certificate!.view()));
  }
  const alone = await timeIterations((i) => signPdf(unsigned[i]!, signer), plan);
  return {
    signedCertificate: {
      ...summarize(signed.samplesMs),
      bytes: Math.max(...signed.results.map((document) => document.bytes.byteLength)),
    },
    signingAlone: summarize(alone.samplesMs),
  };
}

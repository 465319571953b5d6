/**
 * The same certificate drawn by the peer renderers (bench/peers), with the same recipient per
 * iteration (`varyFields(i)`) and the same warm-up/iteration counts as our certificate.
 */
import { type CertificateFields, varyFields } from './peers/CertificateFields.js';
import { PdfmakeCertificateRenderer } from './peers/PdfmakeCertificateRenderer.js';
import { TypstCertificateRenderer } from './peers/TypstCertificateRenderer.js';
import type { IterationPlan } from './measureDocuments.js';
import { summarize, timeIterations, type TimingSummary } from './stats.js';

export interface PeerMeasurement extends TimingSummary {
  readonly bytes: number;
}

interface CertificateRenderer {
  render(fields: CertificateFields): Promise<Uint8Array>;
}

/** Creation (font loading, compiler set-up) is outside the timing, as our engine's font loading is. */
async function measurePeer(create: () => Promise<CertificateRenderer>, plan: IterationPlan): Promise<PeerMeasurement> {
  const renderer = await create();
  const { samplesMs, results } = await timeIterations((i) => renderer.render(varyFields(i)), plan);
  return { ...summarize(samplesMs), bytes: Math.max(...results.map((pdf) => pdf.byteLength)) };
}

export async function measurePeers(plan: IterationPlan): Promise<{ pdfmake: PeerMeasurement; typst: PeerMeasurement }> {
  const pdfmake = await measurePeer(() => PdfmakeCertificateRenderer.create(), plan);
  const typst = await measurePeer(() => TypstCertificateRenderer.create(), plan);
  return { pdfmake, typst };
}

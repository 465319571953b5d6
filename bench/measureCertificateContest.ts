/**
 * The certificate by our engine and by the two peers (Typst, pdfmake), interleaved: every round
 * renders the same recipient with each of the three, in an order rotated each round, and the
 * ratios are taken round by round.
 */
import { renderRecordDocuments } from '../functions/core/documents/renderRecordDocuments.js';
import { certificateRecords } from './benchRecords.js';
import { type InterleavedResult, type RoundsPlan, runInterleaved } from './interleavedRounds.js';
import { type PairedSummary, ratioPerRound } from './pairedComparison.js';
import { varyFields } from './peers/CertificateFields.js';
import { PdfmakeCertificateRenderer } from './peers/PdfmakeCertificateRenderer.js';
import { TypstCertificateRenderer } from './peers/TypstCertificateRenderer.js';
import { summarize, type TimingSummary } from './stats.js';

export interface RendererTimes extends TimingSummary {
  /** The largest PDF among the timed renders (recipients' names differ in length and glyphs). */
  readonly bytes: number;
}

export interface CertificateContest {
  readonly warmupRounds: number;
  readonly settled: boolean;
  readonly ours: RendererTimes;
  readonly typst: RendererTimes;
  readonly pdfmake: RendererTimes;
  readonly oursOverTypst: PairedSummary;
  readonly pdfmakeOverOurs: PairedSummary;
}

type Name = 'ours' | 'typst' | 'pdfmake';

/** Times and largest size of one renderer's timed rounds. */
export function timesOf<K extends string>(result: InterleavedResult<K, number>, name: K): RendererTimes {
  return { ...summarize(result.samplesMs[name]), bytes: Math.max(...result.results[name]) };
}

/**
 * Ours is the public entry point (renderRecordDocuments, unsigned), records validated up front as
 * the peers' fields are; the peers' set-up (font loading, compiler creation) is outside the
 * timing, as our engine's font loading is.
 */
export async function measureCertificateContest(plan: RoundsPlan): Promise<CertificateContest> {
  const certificateFor = certificateRecords(plan.maxWarmupRounds + plan.timedRounds);
  const typst = await TypstCertificateRenderer.create();
  const pdfmake = await PdfmakeCertificateRenderer.create();
  const result = await runInterleaved<Name, number>(
    {
      ours: async (i) => {
        const [certificate] = await renderRecordDocuments(certificateFor(i));
        return certificate!.bytes.byteLength;
      },
      typst: async (i) => (await typst.render(varyFields(i))).byteLength,
      pdfmake: async (i) => (await pdfmake.render(varyFields(i))).byteLength,
    },
    plan,
  );
  const { samplesMs } = result;
  return {
    warmupRounds: result.warmupRounds,
    settled: result.settled,
    ours: timesOf(result, 'ours'),
    typst: timesOf(result, 'typst'),
    pdfmake: timesOf(result, 'pdfmake'),
    oursOverTypst: ratioPerRound(samplesMs.ours, samplesMs.typst),
    pdfmakeOverOurs: ratioPerRound(samplesMs.pdfmake, samplesMs.ours),
  };
}

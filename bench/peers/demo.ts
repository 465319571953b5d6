/**
 * Renders the example certificate with both peers to /tmp/peers/{pdfmake,typst}.pdf and prints
 * the warm median (p50) over 30 renders each, every render with a different recipient.
 *
 *   npx tsx bench/peers/demo.ts
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { exampleCertificateFields, varyFields, type CertificateFields } from './CertificateFields.js';
import { PdfmakeCertificateRenderer } from './PdfmakeCertificateRenderer.js';
import { TypstCertificateRenderer } from './TypstCertificateRenderer.js';

const OUT_DIR = '/tmp/peers';
const WARMUP = 5;
const RUNS = 30;

interface Renderer {
  render(fields: CertificateFields): Promise<Uint8Array>;
}

function percentile(sorted: number[], p: number): number {
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

async function measure(name: string, create: () => Promise<Renderer>): Promise<void> {
  let t = performance.now();
  const renderer = await create();
  const createMs = performance.now() - t;

  t = performance.now();
  const pdf = await renderer.render(exampleCertificateFields);
  const firstMs = performance.now() - t;
  await writeFile(`${OUT_DIR}/${name}.pdf`, pdf);

  for (let i = 0; i < WARMUP; i++) await renderer.render(varyFields(1000 + i));
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const fields = varyFields(i);
    t = performance.now();
    await renderer.render(fields);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(8)} create ${createMs.toFixed(0).padStart(5)} ms | first ${firstMs.toFixed(1).padStart(6)} ms | ` +
      `warm p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms (min ${times[0]!.toFixed(1)}, ` +
      `p90 ${percentile(times, 90).toFixed(1)}) over ${RUNS} | ${OUT_DIR}/${name}.pdf ${pdf.byteLength} bytes`,
  );
}

await mkdir(OUT_DIR, { recursive: true });
await measure('pdfmake', () => PdfmakeCertificateRenderer.create());
await measure('typst', () => TypstCertificateRenderer.create());

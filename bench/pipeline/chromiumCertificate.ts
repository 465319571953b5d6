/**
 * The comparison the cost model makes: the same certificate drawn by headless Chromium (Debian's,
 * through playwright-core) with page.pdf, warm — the way HTML-to-PDF services render on Lambda.
 * One browser and one page kept across documents, the fonts loaded from local files.
 */
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../../test/support/chromium.js';
import { varyFields } from '../peers/CertificateFields.js';
import { NOTO_SERIF_SC_BOLD, NOTO_SERIF_SC_REGULAR } from '../peers/fonts.js';
import { median } from '../stats.js';

const escapeHtml = (text: string) => text.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);

function certificateHtml(i: number): string {
  const f = varyFields(i);
  return `<!doctype html><html><head><meta charset="utf-8"><style>
@font-face { font-family: S; src: url(${pathToFileURL(NOTO_SERIF_SC_REGULAR)}); font-weight: 400; }
@font-face { font-family: S; src: url(${pathToFileURL(NOTO_SERIF_SC_BOLD)}); font-weight: 700; }
@page { size: A4 landscape; margin: 0; }
body { margin: 0; font-family: S; }
.frame { position: absolute; inset: 22pt; border: 3pt solid #C8161D; }
.inner { position: absolute; inset: 8pt; border: 1pt solid #C8161D; padding: 58pt 80pt; font-size: 22pt; }
h1 { text-align: center; color: #C8161D; font-size: 42pt; letter-spacing: 0.5em; margin: 0 0 30pt; }
p { margin: 0; line-height: 42pt; } .indent { text-indent: 2em; }
.sign { position: absolute; right: 110pt; bottom: 90pt; text-align: center; }
</style></head><body><div class="frame"><div class="inner">
<h1>${escapeHtml(f.title)}</h1><p>${escapeHtml(f.recipientLine)}</p><p class="indent">${escapeHtml(f.body)}</p>
<p class="indent">${escapeHtml(f.encouragement)}</p>
<div class="sign"><p>${escapeHtml(f.authority)}</p><p>${escapeHtml(f.date)}</p></div></div></div></body></html>`;
}

/** Median warm page.pdf time (ms) over `iterations` certificates, after `warmup` untimed ones. */
export async function measureChromiumCertificate(warmup = 10, iterations = 40): Promise<number> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const samples: number[] = [];
    for (let i = 0; i < warmup + iterations; i++) {
      const start = performance.now();
      await page.setContent(certificateHtml(i), { waitUntil: 'load' });
      await page.pdf({ format: 'A4', landscape: true, printBackground: true });
      if (i >= warmup) samples.push(performance.now() - start);
    }
    return median(samples);
  } finally {
    await browser.close();
  }
}

/**
 * Peer renderer #2: the 荣誉证书 typeset with Typst through @myriaddreamin/typst-ts-node-compiler
 * (native Node addon; Typst 0.14).
 *
 * Fair and realistic use:
 *  - one NodeCompiler is created once (in `create`) with the two Noto Serif SC TTF files as its
 *    font files; the compiler's world keeps them loaded across documents, as a server would;
 *  - the markup below is a constant template; the fields reach it as strings through
 *    `sys.inputs`, so a name containing `# * [ ] \ " $ < @` prints literally (no escaping
 *    needed, and no way to inject markup);
 *  - after each document the compiler's memoization cache is cleared (see `render`), so every
 *    certificate is compiled as a fresh document rather than as an incremental re-layout.
 *
 * System fonts: 0.7.0's `NodeCompiler.create` has no option to skip the system font scan
 * (its `CompileArgs` only adds `fontArgs`; the searcher always resolves system fonts plus
 * Typst's embedded fonts). This is a one-time cost in `create`, outside the per-document
 * timing; the template names only "Noto Serif SC", and both files cover every character used.
 */
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { tmpdir } from 'node:os';
import type { CertificateFields } from './CertificateFields.js';
import { NOTO_SERIF_SC_BOLD, NOTO_SERIF_SC_REGULAR } from './fonts.js';

/**
 * The template. Geometry (pt, origin top-left) is kept in step with PdfmakeCertificateRenderer:
 * double red border at insets 22/30, margins 110/88, body 22pt with a ~42pt line pitch,
 * signature block centred at x = 630, seal of radius 58 centred at (630, 438). (The signature
 * block's top is 416 here vs 408 in pdfmake because Typst's line box starts at cap height and
 * pdfkit's at the full ascent; the baselines land in the same place.)
 */
// biome-ignore lint/complexity/noUselessStringRaw: Typst source: a backslash added later must reach Typst as written
export const certificateTemplate = String.raw`
#let f = sys.inputs
#let red = rgb("#C8161D")
#let seal-red = rgb("#C8161DD9") // 85 % opacity, like stamp ink
#let margin-x = 110pt
#let margin-top = 88pt

#set document(title: f.title)
#set page(
  paper: "a4",
  flipped: true,
  margin: (x: margin-x, top: margin-top, bottom: 60pt),
  background: {
    place(top + left, dx: 22pt, dy: 22pt,
      rect(width: 100% - 44pt, height: 100% - 44pt, stroke: 3pt + red))
    place(top + left, dx: 30pt, dy: 30pt,
      rect(width: 100% - 60pt, height: 100% - 60pt, stroke: 1pt + red))
  },
)
#set text(font: "Noto Serif SC", lang: "zh", region: "cn", size: 22pt)
#set par(leading: 1.2em, spacing: 1.2em, justify: true) // ≈ 42 pt line pitch

// A round official seal: ring, five-pointed star, the authority's name along the upper arc.
#let seal(name, radius: 58pt, text-radius: 43pt, text-size: 15pt, star-radius: 17pt) = {
  let chars = name.clusters()
  let n = chars.len()
  let step = if n > 1 { calc.min(25deg, 220deg / (n - 1)) } else { 0deg }
  let star = range(10).map(k => {
    let r = if calc.even(k) { star-radius } else { star-radius * 0.382 }
    let a = -90deg + k * 36deg
    (radius + r * calc.cos(a), radius + r * calc.sin(a))
  })
  box(width: 2 * radius, height: 2 * radius, {
    place(top + left, dx: 1.5pt, dy: 1.5pt, circle(radius: radius - 1.5pt, stroke: 3pt + seal-red))
    place(top + left, polygon(fill: seal-red, ..star))
    for (i, ch) in chars.enumerate() {
      let a = -(n - 1) * step / 2 + i * step
      let cell = text-size * 1.2
      place(top + left,
        dx: radius + text-radius * calc.sin(a) - cell / 2,
        dy: radius - text-radius * calc.cos(a) - cell / 2,
        rotate(a, box(width: cell, height: cell,
          align(center + horizon, text(size: text-size, weight: "bold", fill: seal-red, ch)))))
    }
  })
}

#v(12pt)
#align(center, text(size: 38pt, weight: "bold", fill: red, tracking: 0.5em)[#f.title])
#v(20pt)
#par(f.recipientLine)
#par(first-line-indent: (amount: 2em, all: true), f.body)
#par(first-line-indent: (amount: 2em, all: true), f.encouragement)

// Authority and date, centred on each other at the lower right (page coordinates).
#place(top + left, dx: 630pt - 130pt - margin-x, dy: 416pt - margin-top,
  block(width: 260pt, align(center, {
    f.authority
    linebreak()
    f.date
  })))
// The seal, stamped over them.
#place(top + left, dx: 630pt - 58pt - margin-x, dy: 438pt - 58pt - margin-top, seal(f.authority))
`;

export class TypstCertificateRenderer {
  private constructor(private readonly compiler: NodeCompiler) {}

  /** Creates the compiler once, with the two Noto Serif SC files as its fonts. */
  static async create(): Promise<TypstCertificateRenderer> {
    const compiler = NodeCompiler.create({
      // The template comes from a string and imports nothing; the workspace is only a root.
      workspace: tmpdir(),
      fontArgs: [{ fontPaths: [NOTO_SERIF_SC_REGULAR, NOTO_SERIF_SC_BOLD] }],
    });
    return new TypstCertificateRenderer(compiler);
  }

  async render(fields: CertificateFields): Promise<Uint8Array> {
    const inputs: Record<string, string> = { ...fields };
    try {
      const compiled = this.compiler.compile({ mainFileContent: certificateTemplate, inputs });
      const doc = compiled.result;
      if (!doc || compiled.hasError()) {
        const err = compiled.takeError() ?? compiled.takeDiagnostics();
        const diagnostics = err ? this.compiler.fetchDiagnostics(err) : [];
        throw new Error(`Typst compilation failed: ${JSON.stringify(diagnostics)}`);
      }
      const pdf = this.compiler.pdf(doc);
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      // evictCache(0) clears Typst's global memoization (comemo) cache completely. Without it,
      // the next certificate - same template, one different name - would reuse memoized
      // parsing, evaluation, layout and shaping results and be measured as an incremental
      // re-compile, which no real one-certificate-per-request service gets. The loaded font
      // files themselves stay in the compiler's world, as they would in a long-lived server.
      this.compiler.evictCache(0);
    }
  }
}

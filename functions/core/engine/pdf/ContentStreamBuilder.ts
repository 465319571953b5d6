import type { Rgb } from '../layout/LayoutModel.js';
import type { DrawOp } from '../typeset/PageModel.js';
import type { EmbeddedFont } from './FontSubsetEmbedder.js';
import { pdfNumber as n } from './pdfNumber.js';

/** Approximates a quarter circle with a cubic Bézier. */
const KAPPA = 0.5522847498;

const fill = (c: Rgb) => `${n(c[0])} ${n(c[1])} ${n(c[2])} rg`;
const stroke = (c: Rgb) => `${n(c[0])} ${n(c[1])} ${n(c[2])} RG`;

/**
 * Writes a page's drawing operations as PDF content-stream operators. The page model measures
 * from the top; PDF from the bottom, so every y is flipped here and nowhere else.
 */
export class ContentStreamBuilder {
  private readonly parts: string[] = [];

  constructor(
    private readonly pageHeight: number,
    /** The page resource name and embedding of an operation's font. */
    private readonly fontOf: (op: { font: unknown }) => { name: string; font: EmbeddedFont },
    private readonly imageName: (bytes: Uint8Array) => string,
  ) {}

  add(op: DrawOp): void {
    // An empty ActualText keeps the seal's characters out of extracted text.
    const sealText = op.type === 'rotated-glyph' && op.stamp === true;
    if (sealText) this.parts.push('/Span <</ActualText <FEFF>>> BDC');
    this.draw(op);
    if (sealText) this.parts.push('EMC');
  }

  private draw(op: DrawOp): void {
    const y = (top: number) => n(this.pageHeight - top);
    switch (op.type) {
      case 'text': {
        const { name, font } = this.fontOf(op);
        const items: string[] = [];
        let pen = op.glyphs[0]?.x ?? 0;
        for (const glyph of op.glyphs) {
          const adjust = ((glyph.x - pen) * 1000) / op.size;
          if (Math.abs(adjust) > 0.05) items.push(n(-adjust));
          items.push(`<${font.encode(glyph.codePoint)}>`);
          pen = glyph.x + (font.width(glyph.codePoint) * op.size) / 1000;
        }
        const x = n(op.glyphs[0]?.x ?? 0);
        this.parts.push(
          `BT /${name} ${n(op.size)} Tf ${fill(op.color)} 1 0 0 1 ${x} ${y(op.baseline)} Tm [${items.join(' ')}] TJ ET`,
        );
        break;
      }
      case 'rotated-glyph': {
        const { name, font } = this.fontOf(op);
        const [cos, sin] = [Math.cos(op.angle), Math.sin(op.angle)];
        this.parts.push(
          `BT /${name} ${n(op.size)} Tf ${fill(op.color)} ` +
            `${n(cos)} ${n(-sin)} ${n(sin)} ${n(cos)} ${n(op.x)} ${y(op.y)} Tm <${font.encode(op.codePoint)}> Tj ET`,
        );
        break;
      }
      case 'line':
        this.parts.push(`${stroke(op.color)} ${n(op.width)} w ${n(op.x1)} ${y(op.y1)} m ${n(op.x2)} ${y(op.y2)} l S`);
        break;
      case 'rect': {
        const path = `${n(op.x)} ${y(op.y + op.height)} ${n(op.width)} ${n(op.height)} re`;
        if (op.fill && op.stroke)
          this.parts.push(`${fill(op.fill)} ${stroke(op.stroke)} ${n(op.lineWidth)} w ${path} B`);
        else if (op.fill) this.parts.push(`${fill(op.fill)} ${path} f`);
        else if (op.stroke) this.parts.push(`${stroke(op.stroke)} ${n(op.lineWidth)} w ${path} S`);
        break;
      }
      case 'rects': {
        const paths = op.rects.map((r) => `${n(r.x)} ${y(r.y + r.height)} ${n(r.width)} ${n(r.height)} re`);
        if (paths.length > 0) this.parts.push(`${fill(op.fill)} ${paths.join(' ')} f`);
        break;
      }
      case 'circle': {
        const { cx, radius: r } = op;
        const cy = this.pageHeight - op.cy;
        const k = r * KAPPA;
        this.parts.push(
          `${stroke(op.stroke)} ${n(op.lineWidth)} w ${n(cx + r)} ${n(cy)} m ` +
            `${n(cx + r)} ${n(cy + k)} ${n(cx + k)} ${n(cy + r)} ${n(cx)} ${n(cy + r)} c ` +
            `${n(cx - k)} ${n(cy + r)} ${n(cx - r)} ${n(cy + k)} ${n(cx - r)} ${n(cy)} c ` +
            `${n(cx - r)} ${n(cy - k)} ${n(cx - k)} ${n(cy - r)} ${n(cx)} ${n(cy - r)} c ` +
            `${n(cx + k)} ${n(cy - r)} ${n(cx + r)} ${n(cy - k)} ${n(cx + r)} ${n(cy)} c S`,
        );
        break;
      }
      case 'polygon': {
        const [first, ...rest] = op.points;
        if (!first) break;
        const path = [`${n(first[0])} ${y(first[1])} m`, ...rest.map(([px, py]) => `${n(px)} ${y(py)} l`)].join(' ');
        this.parts.push(`${fill(op.fill)} ${path} h f`);
        break;
      }
      case 'image':
        this.parts.push(
          `q ${n(op.width)} 0 0 ${n(op.height)} ${n(op.x)} ${y(op.y + op.height)} cm /${this.imageName(op.bytes)} Do Q`,
        );
        break;
    }
  }

  toString(): string {
    return this.parts.join('\n');
  }
}

import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { DocumentEngine } from '../../../../functions/core/engine/DocumentEngine.js';
import { buildLayout, LayoutSpecError } from '../../../../functions/core/engine/layout/buildLayout.js';
import { parseMarkup } from '../../../../functions/core/engine/layout/parseMarkup.js';
import { POINTS_PER_MM } from '../../../../functions/core/engine/layout/units.js';
import { ContentStreamBuilder } from '../../../../functions/core/engine/pdf/ContentStreamBuilder.js';
import type { DrawOp, RectsShape, TextRun } from '../../../../functions/core/engine/typeset/PageModel.js';
import { QUIET_ZONE_MODULES, qrModules } from '../../../../functions/core/engine/typeset/qrModules.js';
import { typesetDocument } from '../../../../functions/core/engine/typeset/typesetDocument.js';

const fonts = DocumentEngine.shared().fonts;
const URL = 'http://127.0.0.1:3000/verify/ABCD2EFGH3JKLM4NPQRS';
const mm = (points: number) => points / POINTS_PER_MM;

/** The reference matrix, straight from the qrcode package: true for a dark module. */
function referenceMatrix(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, row) =>
    Array.from({ length: modules.size }, (_, column) => modules.get(row, column) === 1),
  );
}

/** A document with one section of A4 in the GB/T 9704 margins, holding the given elements. */
function typeset(elements: string) {
  const markup =
    '<document title="t" date="2020-02-05T00:00:00Z" identity="t">' +
    '<style name="body" font="fangsong" size="16pt"/><style name="caption" size="7pt" leading="9pt"/>' +
    `<section size="A4" margin="37mm 26mm 35mm 28mm">${elements}</section></document>`;
  return typesetDocument(buildLayout(parseMarkup(markup), '.'), fonts);
}

const codeOf = (ops: readonly DrawOp[]) => ops.find((op): op is RectsShape => op.type === 'rects')!;
const runsOf = (ops: readonly DrawOp[]) => ops.filter((op): op is TextRun => op.type === 'text');
const textOf = (run: TextRun) => run.glyphs.map((g) => String.fromCodePoint(g.codePoint)).join('');

/** The smallest box holding a code's modules. */
function extent(code: RectsShape) {
  return {
    left: Math.min(...code.rects.map((r) => r.x)),
    top: Math.min(...code.rects.map((r) => r.y)),
    right: Math.max(...code.rects.map((r) => r.x + r.width)),
    bottom: Math.max(...code.rects.map((r) => r.y + r.height)),
  };
}

/** Where an operation prints, roughly: text by its em boxes, shapes by their bounds. */
function bounds(op: DrawOp): { left: number; top: number; right: number; bottom: number } {
  switch (op.type) {
    case 'text':
      return {
        left: op.glyphs[0]!.x,
        right: op.glyphs.at(-1)!.x + op.size,
        top: op.baseline - 0.88 * op.size,
        bottom: op.baseline + 0.12 * op.size,
      };
    case 'rects':
      return extent(op);
    case 'line':
      return { left: op.x1, right: op.x2, top: op.y1 - op.width / 2, bottom: op.y2 + op.width / 2 };
    case 'rect':
    case 'image':
      return { left: op.x, right: op.x + op.width, top: op.y, bottom: op.y + op.height };
    default:
      return { left: 0, right: Number.POSITIVE_INFINITY, top: 0, bottom: Number.POSITIVE_INFINITY };
  }
}

describe('the QR code modules', () => {
  for (const text of ['HELLO', URL, `https://verify.example.gov.cn/prod/verify/${'A'.repeat(26)}`]) {
    it(`draws exactly the dark modules of the qrcode matrix, a run per stretch of a row (${text.length} chars)`, () => {
      const reference = referenceMatrix(text);
      const { count, runs } = qrModules(text);
      expect(count).toBe(reference.length);
      const drawn = reference.map((row) => row.map(() => false));
      for (const run of runs) {
        for (let column = run.column; column < run.column + run.length; column++) {
          expect(drawn[run.row]![column], `module ${run.row},${column} drawn twice`).toBe(false);
          drawn[run.row]![column] = true;
        }
        // Maximal runs: the modules either side are light (or the symbol's edge).
        expect(reference[run.row]![run.column - 1] ?? false).toBe(false);
        expect(reference[run.row]![run.column + run.length] ?? false).toBe(false);
      }
      expect(drawn).toEqual(reference);
      const starts = reference.flatMap((row) => row.filter((dark, column) => dark && !row[column - 1]));
      expect(runs).toHaveLength(starts.length);
      // Merging pays: far fewer rectangles than dark modules.
      expect(runs.length).toBeLessThan(reference.flat().filter(Boolean).length * 0.7);
    });
  }

  it('encodes HELLO as a version-1 symbol of 21 modules', () => {
    expect(qrModules('HELLO').count).toBe(21);
  });
});

describe('a <qr> in the flow', () => {
  const [page] = typeset(
    '<qr value="HELLO" caption="ABCD2EFGH3JKLM4NPQRS" style="caption" size="20mm" height="35mm"/><p>正文</p>',
  );
  const code = codeOf(page!.ops);
  const { count, runs } = qrModules('HELLO');
  const module = (20 * POINTS_PER_MM) / count;

  it('draws one rectangle per run, all filled black as one path, within its 20 mm square at the body top left', () => {
    expect(page!.ops.filter((op) => op.type === 'rects')).toHaveLength(1);
    expect(code.fill).toEqual([0, 0, 0]);
    expect(code.rects).toHaveLength(runs.length);
    const box = extent(code);
    // The finder patterns sit in three corners, so the modules span the whole square.
    expect(mm(box.left)).toBeCloseTo(28, 6);
    expect(mm(box.top)).toBeCloseTo(37, 6);
    expect(mm(box.right - box.left)).toBeCloseTo(20, 6);
    expect(mm(box.bottom - box.top)).toBeCloseTo(20, 6);
    for (const rect of code.rects) expect(rect.height).toBeCloseTo(module, 9);
  });

  it('takes exactly the room it is given: the text after it starts 35 mm below the body top', () => {
    const body = runsOf(page!.ops).find((run) => textOf(run) === '正文')!;
    // Its line box is 24 pt (1.5 × 16), the em box centred in it.
    expect(mm(body.baseline - 0.88 * 16 - (24 - 16) / 2) - 37).toBeCloseTo(35, 6);
  });

  it('prints the caption under the quiet zone, left-aligned with the symbol, as text', () => {
    const caption = runsOf(page!.ops).find((run) => textOf(run) === 'ABCD2EFGH3JKLM4NPQRS')!;
    expect(caption.size).toBe(7);
    expect(caption.glyphs[0]!.x).toBeCloseTo(28 * POINTS_PER_MM, 6);
    expect(bounds(caption).top).toBeGreaterThanOrEqual(extent(code).bottom + QUIET_ZONE_MODULES * module);
  });

  it('keeps its quiet zone of 4 modules clear of everything else on the page', () => {
    const box = extent(code);
    const zone = {
      left: box.left - QUIET_ZONE_MODULES * module,
      top: box.top - QUIET_ZONE_MODULES * module,
      right: box.right + QUIET_ZONE_MODULES * module,
      bottom: box.bottom + QUIET_ZONE_MODULES * module,
    };
    expect(zone.left).toBeGreaterThan(0);
    expect(zone.top).toBeGreaterThan(0);
    for (const op of page!.ops.filter((op) => op !== code)) {
      const b = bounds(op);
      const overlaps = b.left < zone.right && b.right > zone.left && b.top < zone.bottom && b.bottom > zone.top;
      expect(overlaps, JSON.stringify(b)).toBe(false);
    }
  });

  it('without a given room, takes its own height: symbol, quiet zone, caption line', () => {
    const [own] = typeset('<qr value="HELLO" caption="X" style="caption" size="20mm"/><p>正文</p>');
    const body = runsOf(own!.ops).find((run) => textOf(run) === '正文')!;
    const height = 20 * POINTS_PER_MM + QUIET_ZONE_MODULES * module + 9;
    // The body style's line box is 24 pt (1.5 × 16), its em box centred in it.
    expect(body.baseline - 0.88 * 16 - (24 - 16) / 2 - 37 * POINTS_PER_MM).toBeCloseTo(height, 6);
  });

  it('centres and right-aligns in the body area', () => {
    for (const [align, left] of [
      ['center', 28 + 68],
      ['right', 28 + 136],
    ] as const) {
      const [aligned] = typeset(`<qr value="HELLO" size="20mm" align="${align}"/>`);
      expect(mm(extent(codeOf(aligned!.ops)).left)).toBeCloseTo(left, 6);
    }
  });
});

describe('a <qr> placed on the page', () => {
  it('sits at its place on the first page only, its caption bottom the given distance above the paper edge', () => {
    const pages = typeset(
      '<qr position="page" value="HELLO" caption="ABCD" style="caption" size="20mm" left="16mm" bottom="15mm"/>' +
        '<p>一</p>'.repeat(60),
    );
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.slice(1).every((page) => page.ops.every((op) => op.type !== 'rects'))).toBe(true);
    const code = codeOf(pages[0]!.ops);
    expect(mm(extent(code).left)).toBeCloseTo(16, 6);
    const caption = runsOf(pages[0]!.ops).find((run) => textOf(run) === 'ABCD')!;
    // The caption's 9 pt line box ends 15 mm above the bottom edge of the 297 mm paper.
    const lineBottom = caption.baseline - (9 - 7) / 2 - 0.88 * 7 + 9;
    expect(mm(lineBottom)).toBeCloseTo(297 - 15, 6);
  });

  it('measures from the top when given top', () => {
    const [page] = typeset('<qr position="page" value="HELLO" size="20mm" left="10mm" top="12mm"/><p>一</p>');
    expect(mm(extent(codeOf(page!.ops)).top)).toBeCloseTo(12, 6);
  });
});

describe('<qr> markup that cannot be laid out', () => {
  for (const [element, message] of [
    ['<qr value="HELLO" size="20mm" height="10mm"/>', 'cannot hold'],
    ['<qr value="HELLO"/>', '"size" is required'],
    ['<qr size="20mm"/>', '"value" is required'],
    ['<qr position="page" value="HELLO" size="20mm" top="1mm"/>', 'needs "left"'],
    ['<qr position="page" value="HELLO" size="20mm" left="1mm" top="1mm" bottom="1mm"/>', 'one of "top"'],
    ['<qr value="HELLO" size="20mm" left="1mm"/>', 'unknown attribute "left"'],
  ] as const) {
    it(`refuses ${element}`, () => {
      expect(() => typeset(element)).toThrow(LayoutSpecError);
      expect(() => typeset(element)).toThrow(message);
    });
  }
});

describe('the content stream of a code', () => {
  it('paints all its rectangles with one colour and one fill', () => {
    const builder = new ContentStreamBuilder(
      100,
      () => {
        throw new Error('no fonts');
      },
      () => 'none',
    );
    builder.add({
      type: 'rects',
      fill: [0, 0, 0],
      rects: [
        { x: 1, y: 2, width: 3, height: 1 },
        { x: 5, y: 2, width: 1, height: 1 },
        { x: 1, y: 3, width: 2, height: 1 },
      ],
    });
    const stream = builder.toString();
    expect(stream).toBe('0 0 0 rg 1 97 3 1 re 5 97 1 1 re 1 96 2 1 re f');
  });
});

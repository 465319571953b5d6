import { describe, expect, it } from 'vitest';
import { commendationOrderView } from '../../../../functions/core/documents/commendationOrderView.js';
import { DocumentEngine } from '../../../../functions/core/engine/DocumentEngine.js';
import { POINTS_PER_MM } from '../../../../functions/core/engine/layout/units.js';
import type { DrawOp, TextRun } from '../../../../functions/core/engine/typeset/PageModel.js';
import { typesetDocument } from '../../../../functions/core/engine/typeset/typesetDocument.js';
import type { CommendationOrderRecord } from '../../../../functions/core/records/index.js';
import { exampleJson, exampleRecord } from '../../../support/examples.js';

const engine = DocumentEngine.shared();
const mm = (points: number) => points / POINTS_PER_MM;
const text = (run: TextRun) => run.glyphs.map((g) => String.fromCodePoint(g.codePoint)).join('');
const runs = (ops: readonly DrawOp[]) => ops.filter((op): op is TextRun => op.type === 'text');
// The ideographic em box spans 0.88 em above the baseline to 0.12 em below it.
const emTop = (run: TextRun) => run.baseline - 0.88 * run.size;
const emBottom = (run: TextRun) => run.baseline + 0.12 * run.size;

function typesetOrder(changes: Record<string, unknown> = {}) {
  const record = exampleRecord('commendation-order-2020-12', changes) as CommendationOrderRecord;
  return typesetDocument(engine.templates.render('commendation-order', commendationOrderView(record)), engine.fonts);
}

describe('the commendation order on the GB/T 9704 page', () => {
  const pages = typesetOrder();
  const first = runs(pages[0]!.ops);
  const mark = first.find((run) => run.size === 36)!;
  const number = first.find((run) => text(run) === '内公奖〔2020〕12号')!;
  const redLine = pages[0]!.ops.find((op) => op.type === 'line' && op.color[0] === 1 && op.color[1] === 0)!;
  const title = first.find((run) => run.size === 22)!;
  const pitch = (225 * POINTS_PER_MM) / 22;

  it('puts the red mark 35 mm below the top of the body area (37 mm margin)', () => {
    expect(mark.color).toEqual([1, 0, 0]);
    expect(mm(emTop(mark))).toBeCloseTo(37 + 35, 1);
  });

  it('centres the document number two lines below the mark, and the red line 4 mm below the number', () => {
    expect(number.baseline - mark.baseline).toBeGreaterThan(2 * pitch);
    const centre = (number.glyphs[0]!.x + number.glyphs.at(-1)!.x + 16) / 2;
    expect(mm(centre)).toBeCloseTo(28 + 156 / 2, 0);
    expect(redLine.type === 'line' && mm(redLine.y1 - emBottom(number))).toBeCloseTo(4 + 0.5 / 2, 1);
    expect(redLine.type === 'line' && mm(redLine.x2 - redLine.x1)).toBeCloseTo(156, 1);
  });

  it('sets the title two blank lines below the red line, in 22 pt', () => {
    expect(redLine.type === 'line' && (emTop(title) - redLine.y1) / pitch).toBeGreaterThan(2);
    expect(redLine.type === 'line' && (emTop(title) - redLine.y1) / pitch).toBeLessThan(2.5);
  });

  it('numbers pages "— n —" 7 mm below the body area, odd ones at the right and even ones at the left', () => {
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      const numberRun = runs(page.ops).find((run) => text(run) === `— ${index + 1} —`)!;
      expect(numberRun.size).toBe(14);
      // The dashes (0.27 em above the baseline in Noto) sit 7 mm below the body area.
      expect(mm(numberRun.baseline - 0.27 * numberRun.size)).toBeCloseTo(297 - 35 + 7, 1);
      const left = numberRun.glyphs[0]!.x;
      if (index % 2 === 0) expect(mm(left)).toBeGreaterThan(150);
      else expect(mm(left)).toBeCloseTo(28 + mm(14), 1);
    });
  });

  const short = {
    // Without its 版记, which would take a page of its own after a full one.
    colophon: undefined,
    addressee: undefined,
    preamble: ['为表彰先进。'],
    closing: ['特此命令。'],
    awardees: (exampleJson('commendation-order-2020-12').awardees as unknown[]).slice(0, 1),
  };

  it('prints no page number on a one-page order', () => {
    const single = typesetOrder({ ...short, decision: '决定给予何建华同志嘉奖。' });
    expect(single).toHaveLength(1);
    expect(runs(single[0]!.ops).some((run) => /^— \d+ —$/.test(text(run)))).toBe(false);
  });

  it('presses the seal within a line of the text above it, with and without a signatory (GB/T 9704 §7.3.5.1)', () => {
    for (const signatory of [undefined, { title: '厅长', name: '衡晓帆' }]) {
      const pages = typesetOrder({ signatory });
      const last = pages.at(-1)!;
      const seal = last.ops.find((op) => op.type === 'circle')!;
      expect(seal.type).toBe('circle');
      if (seal.type !== 'circle') return;
      const sealTop = seal.cy - seal.radius;
      const above = runs(last.ops).filter(
        (run) => emBottom(run) <= sealTop + pitch && run.baseline < seal.cy - 0.5 * pitch,
      );
      const nearest = Math.max(...above.filter((run) => emTop(run) < sealTop).map(emBottom));
      expect(sealTop - nearest, JSON.stringify(signatory)).toBeLessThanOrEqual(pitch);
      expect(sealTop - nearest).toBeGreaterThan(-pitch / 2);
    }
  });

  it('never leaves the signature alone on a page: the last line of text goes with it', () => {
    // Without the rule this order's signature would start page 2 by itself.
    const twoPages = typesetOrder(short);
    expect(twoPages).toHaveLength(2);
    const lastPage = runs(twoPages[1]!.ops).map(text);
    expect(lastPage.indexOf('特此命令。')).toBeGreaterThanOrEqual(0);
    expect(lastPage.indexOf('特此命令。')).toBeLessThan(lastPage.indexOf('内蒙古自治区公安厅'));
  });

  it('signs with the date four characters from the right, the authority centred above, and the seal over both', () => {
    const last = pages.at(-1)!;
    const dateRun = runs(last.ops).find((run) => text(run).endsWith('日') && text(run).startsWith('2020'))!;
    const dateRight = dateRun.glyphs.at(-1)!.x + 16;
    expect(mm(dateRight)).toBeCloseTo(28 + 156 - mm(4 * 16), 0);
    const seal = last.ops.find((op) => op.type === 'circle')!;
    // The rim is stroked on its centre line: the outer diameter is 2r plus the rim.
    expect(seal.type === 'circle' && mm(seal.radius * 2 + seal.lineWidth)).toBeCloseTo(42, 1);
    const dateCentre = (dateRun.glyphs[0]!.x + dateRight) / 2;
    expect(seal.type === 'circle' && Math.abs(seal.cx - dateCentre)).toBeLessThan(1);
  });
});

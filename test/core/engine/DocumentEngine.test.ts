import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { DocumentEngine } from '../../../functions/core/engine/DocumentEngine.js';
import { FontRegistry } from '../../../functions/core/engine/fonts/FontRegistry.js';
import { LayoutOverflowError } from '../../../functions/core/errors.js';
import { TemplateRenderer } from '../../../functions/core/engine/templates/TemplateRenderer.js';
import { LEAGUES_AND_CITIES } from '../../../functions/core/records/constants.js';
import { pdfText } from '../../support/poppler.js';

const engine = new DocumentEngine(FontRegistry.shared(), new TemplateRenderer(join('test', 'fixtures', 'templates')));
const rows = LEAGUES_AND_CITIES.map((region, i) => ({ region, merit: (i * 7) % 30, commendation: 100 + i }));

describe('DocumentEngine', () => {
  it('typesets tables, bar charts and images, with every label and value in the text layer', async () => {
    const { bytes } = await engine.render('chart-and-table', { authority: '内蒙古自治区公安厅', total: 225, rows });
    const text = pdfText(bytes, '-layout');
    for (const row of rows) expect(text).toMatch(new RegExp(`${row.region}\\s+${row.merit}\\s+${row.commendation}`));
    // The chart prints each label beside its value: the table's rows and the chart's bars.
    for (const row of rows)
      expect(text.match(new RegExp(`${row.region}\\s+${row.merit}(\\s|$)`, 'gm'))!.length).toBeGreaterThanOrEqual(2);
    const document = await PDFDocument.load(bytes);
    expect(document.getTitle()).toBe('统计通报样例');
    expect(document.getCreationDate()?.toISOString()).toBe('2020-03-04T16:00:00.000Z');
    expect(Buffer.from(bytes).includes(Buffer.from('/Subtype /Image'))).toBe(true);
  });

  it('fits a one-page section by shrinking its body to the minimum, then refuses naming the longest text', async () => {
    const sizes = async (text: string) => {
      const { bytes, pages } = await engine.render('one-sheet', { heading: '标题', text });
      expect(pages).toBe(1);
      return bytes;
    };
    const fits = pdfText(await sizes('战'.repeat(100)));
    expect(fits.replace(/\s+/g, '')).toContain('战'.repeat(100));
    // 300 characters do not fit at 22 pt on A5: the body shrinks, and everything is still there.
    const shrunk = pdfText(await sizes('疫'.repeat(300)));
    expect(shrunk.replace(/\s+/g, '')).toContain('疫'.repeat(300));
    const refused = await engine
      .render('one-sheet', { heading: '标题', text: '警'.repeat(900) })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LayoutOverflowError);
    const message = (refused as LayoutOverflowError).message;
    expect(message).toMatch(/^the text runs over \d+ pages where at most 1 may be used, even in 16 pt type; /);
    expect(message).toMatch(/; its longest text has 900 characters: shorten it$/);
    expect((refused as LayoutOverflowError).text).toBe('警'.repeat(900));
  });

  it('signs a long authority over balanced lines between words, and refuses one wider than three lines', async () => {
    const authority = '内蒙古自治区公安厅新冠肺炎疫情防控工作领导小组';
    const { bytes } = await engine.render('signature', { authority });
    const lines = pdfText(bytes)
      .split('\n')
      .map((line) => line.replace(/\s+/g, ''))
      .filter((line) => authority.includes(line) && line.length > 1);
    expect(lines.join('')).toBe(authority);
    expect(lines.length).toBe(2);
    const refused = await engine.render('signature', { authority: authority.repeat(3) }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LayoutOverflowError);
    expect((refused as Error).message).toMatch(
      /^"内蒙古.*" \(69 characters\) is \d+ mm wide, but the signature holds 3 lines of 108 mm: shorten it$/,
    );
  });

  it('repeats a table header on every page the table runs over', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ region: `单位${i + 1}`, merit: i, commendation: i }));
    const { bytes, pages } = await engine.render('chart-and-table', {
      authority: '内蒙古自治区公安厅',
      total: 1,
      rows: many,
    });
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let page = 1; page <= pages; page++) {
      const pageText = pdfText(bytes, '-layout', '-f', String(page), '-l', String(page));
      if (/单位\d+\s+\d+\s+\d+/.test(pageText)) expect(pageText, `page ${page}`).toMatch(/盟市\s+记功\s+嘉奖/);
    }
  });
});

describe('DocumentEngine text layer', () => {
  it('extracts characters that share a glyph as themselves (hyphen and U+2011, … and ⋯)', async () => {
    const { bytes } = await engine.render('plain', { text: 'A\u2011B-C…⋯', leadingBreaks: false });
    expect(pdfText(bytes).trim()).toBe('A\u2011B-C…⋯');
  });

  it('keeps the blank lines of leading <br/>', async () => {
    const top = async (leadingBreaks: boolean) => {
      const { bytes } = await engine.render('plain', { text: '乙', leadingBreaks });
      return Number(/yMin="([\d.]+)"/.exec(pdfText(bytes, '-bbox'))![1]);
    };
    expect((await top(true)) - (await top(false))).toBeCloseTo(2 * 24, 1);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { PDFDocument, PDFName, type PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { type RecordDocument, renderRecordDocuments } from '../../../functions/core/documents/renderRecordDocuments.js';
import { DEFAULT_FONT_CONFIG, resolveFontPath } from '../../../functions/core/engine/fonts/fontConfig.js';
import { NO_LINE_END, NO_LINE_START } from '../../../functions/core/engine/typeset/cjkRules.js';
import { MissingGlyphError } from '../../../functions/core/errors.js';
import { embeddedFontPrograms } from '../../support/embeddedFonts.js';
import { exampleJson, exampleRecord } from '../../support/examples.js';
import { pageLines, pdfFonts, pdfText } from '../../support/poppler.js';

const compact = (text: string) => text.replace(/\s+/g, '');
const render = async (name: string, changes: Record<string, unknown> = {}) =>
  (await renderRecordDocuments(exampleRecord(name, changes)))[0]!;
const isPageNumber = (line: string) => /^—\s*\d+\s*—$/.test(line.trim());

/** Asserts that each needle occurs in the text after the previous one. */
function expectInOrder(text: string, needles: readonly string[]) {
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    expect(at, `"${needle}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + needle.length;
  }
}

/** Characters a line holds on the grid: full-width ones count 1, digits and Latin ½. */
const cells = (text: string) => [...text].reduce((sum, char) => sum + (/[\x21-\x7e·]/.test(char) ? 0.5 : 1), 0);

describe('rendered documents', () => {
  let all: { name: string; document: RecordDocument }[];
  beforeAll(async () => {
    const names = readdirSync('examples')
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''));
    all = await Promise.all(names.map(async (name) => ({ name, document: await render(name) })));
  });

  it('prints a certificate in reading order: title, recipient, deed and award, 特发此证, authority, date', async () => {
    const document = await render('merit-zhang-peng');
    expect(document.pages).toBe(1);
    expectInOrder(compact(pdfText(document.bytes)), [
      '荣誉证书',
      '张鹏同志：',
      '在新冠肺炎疫情防控工作中表现突出，荣记个人三等功。',
      '特发此证，以资鼓励。',
      '呼伦贝尔市海拉尔区公安分局',
      '二〇二〇年三月二日',
    ]);
  });

  it('prints a commendation order as a GB/T 9704 document in reading order', async () => {
    const record = exampleJson('commendation-order-2020-12') as { title: string; awardees: { name: string }[] };
    // -layout keeps a table row on one line, as a reader sees it.
    const text = compact(pdfText((await render('commendation-order-2020-12')).bytes, '-layout'));
    expectInOrder(text, [
      '内蒙古自治区公安厅',
      '内公奖〔2020〕12号',
      '内蒙古自治区公安厅关于',
      '命令',
      '各盟市公安局',
      '序号姓名单位奖励',
      ...record.awardees.map((a) => a.name),
      '2020年2月5日',
    ]);
    expect(text).toContain('—1—');
  });

  it('prints telegrams and praise bulletins in reading order', async () => {
    const telegram = compact(pdfText((await render('telegram-condolence-he-jianhua')).bytes));
    expectInOrder(telegram, ['唁电', '何建华同志家属：']);
    const bulletin = compact(pdfText((await render('praise-bulletin-2020-18')).bytes));
    expectInOrder(bulletin, ['内蒙古自治区公安厅', '内公奖〔2020〕18号', '通报', '特此通报。']);
  });

  it('prints one 间隔号 in a name typed with another dot, and a deed with stray spaces set solid', async () => {
    const json = exampleJson('merit-zhang-peng') as { recipient: Record<string, unknown> };
    const document = await render('merit-zhang-peng', {
      recipient: { ...json.recipient, name: '乌力吉・巴雅尔' },
      deed: '在疫情防控工作中 （卡口值守） 表现突出 ！',
    });
    const text = pdfText(document.bytes);
    expect(text).toContain('乌力吉·巴雅尔同志');
    expect(text).not.toContain('・');
    expect(compact(text)).toContain('在疫情防控工作中（卡口值守）表现突出，荣记个人三等功。');
    expect(text).not.toMatch(/ [，。）！]|（ /u);
  });

  it('keeps a 23-character authority inside the text area of every document, and refuses a wider one', async () => {
    const LONG = '内蒙古自治区公安厅新冠肺炎疫情防控工作领导小组';
    const MM = 72 / 25.4;
    // The text area of each template: the certificate's landscape margins, and GB/T 9704's.
    const cases: [string, Record<string, unknown>, [number, number]][] = [
      ['merit-zhang-peng', {}, [40, 297 - 40]],
      ['commendation-order-2020-12', {}, [28, 210 - 26]],
      ['praise-bulletin-2020-18', {}, [28, 210 - 26]],
      ['telegram-sympathy-sun-dejian', { sender: LONG }, [28, 210 - 26]],
    ];
    for (const [name, changes, [left, right]] of cases) {
      const json = exampleJson(name) as { authority: Record<string, unknown> };
      const document = await render(name, { authority: { ...json.authority, name: LONG }, ...changes });
      expect(compact(pdfText(document.bytes))).toContain(LONG);
      for (let page = 1; page <= document.pages; page++) {
        for (const line of pageLines(document.bytes, page)) {
          expect(line.xMin, `${name} p${page}: ${line.text}`).toBeGreaterThanOrEqual(left * MM - 1);
          expect(line.xMax, `${name} p${page}: ${line.text}`).toBeLessThanOrEqual(right * MM + 1);
        }
      }
    }
    // Longer than the mark and the signature can hold on two lines: the record's contract refuses it.
    const json = exampleJson('merit-zhang-peng') as { authority: Record<string, unknown> };
    expect(() => exampleRecord('merit-zhang-peng', { authority: { ...json.authority, name: LONG.repeat(3) } })).toThrow(
      'authority.name: must be at most 40 characters',
    );
  });

  it('sets dates and 文号 solid, with no space between digits and Han (typography.md §6)', async () => {
    for (const name of ['commendation-order-2020-12', 'telegram-sympathy-sun-dejian', 'praise-bulletin-2020-18']) {
      const text = pdfText((await render(name)).bytes);
      expect(text, name).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
      expect(text, name).not.toMatch(/\d [年月日号]|[年月] \d/);
    }
    expect(pdfText((await render('commendation-order-2020-12')).bytes)).toContain('内公奖〔2020〕12号');
  });

  it('never starts a line with a closing mark nor ends one with an opening mark, in any example document', () => {
    for (const { name, document } of all) {
      const lines = pdfText(document.bytes)
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !isPageNumber(l));
      for (const line of lines) {
        expect(NO_LINE_START.has(line[0]!), `${name}: "${line}"`).toBe(false);
        expect(NO_LINE_END.has(line.at(-1)!), `${name}: "${line}"`).toBe(false);
      }
    }
  });

  it('sets an order on the grid: full pages of 22 lines, justified lines of 28 characters', async () => {
    const json = exampleJson('commendation-order-2020-12') as { preamble: string[] };
    const preamble = Array.from({ length: 6 }, () => json.preamble).flat();
    const document = await render('commendation-order-2020-12', { preamble });
    expect(document.pages).toBeGreaterThanOrEqual(4);
    // Pages 2 and 3 hold the preamble alone (the table and signature follow).
    const middlePages = Array.from({ length: 2 }, (_, index) =>
      pageLines(document.bytes, index + 2).filter((line) => !isPageNumber(line.text)),
    );
    // The widow and orphan rules may end a page a line early; none holds more than the grid's 22.
    for (const page of middlePages) expect(page.length).toBeGreaterThanOrEqual(21);
    for (const page of middlePages) expect(page.length).toBeLessThanOrEqual(22);
    const lines = middlePages.find((page) => page.length === 22)!;
    expect(lines).toBeDefined();
    const rightEdge = ((28 + 156) * 72) / 25.4;
    const justified = lines.filter((line) => Math.abs(line.xMax - rightEdge) < 2);
    expect(justified.length).toBeGreaterThan(15);
    // A paragraph's first line is indented two characters: those cells count too.
    const leftEdge = (28 * 72) / 25.4;
    const counts = justified.map((line) => cells(line.text) + Math.round((line.xMin - leftEdge) / 16));
    for (const count of counts) {
      expect(count).toBeGreaterThanOrEqual(26.5);
      expect(count).toBeLessThanOrEqual(29);
    }
    expect(counts.filter((count) => count === 28).length / counts.length).toBeGreaterThan(0.6);
  });

  it('renders the same record to the same bytes', async () => {
    for (const name of ['merit-zhang-peng', 'commendation-order-2020-12']) {
      const [first, second] = [await render(name), await render(name)];
      expect(Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true);
      expect(first.sha256).toBe(second.sha256);
    }
  });

  it('sets the metadata from the record: title, author, subject, language and the approval time', async () => {
    const document = await PDFDocument.load((await render('merit-zhang-peng')).bytes, { updateMetadata: false });
    expect(document.getTitle()).toBe('荣誉证书 — 张鹏');
    expect(document.getAuthor()).toBe('呼伦贝尔市海拉尔区公安分局');
    expect(document.getSubject()).toBe('战时记功 三等功');
    expect(document.getCreationDate()?.toISOString()).toBe(
      new Date(exampleJson('merit-zhang-peng').approvedAt as string).toISOString(),
    );
    expect((document.catalog.get(PDFName.of('Lang')) as PDFString).decodeText()).toBe('zh-CN');
  });

  it('embeds every font as a subset with a Unicode map', () => {
    for (const { name, document } of all) {
      const fonts = pdfFonts(document.bytes);
      expect(fonts.length, name).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font, name).toMatchObject({ embedded: true, subset: true, unicode: true });
        expect(font.name).toMatch(/^[A-Z]{6}\+/);
      }
    }
  });

  it('draws every character of every document with its own outline from the embedded font programs', async () => {
    const originals = new Map(
      [...new Set(Object.values(DEFAULT_FONT_CONFIG).flat())].map((entry) => {
        const font = fontkit.create(readFileSync(resolveFontPath(entry)));
        return [font.postscriptName, font] as const;
      }),
    );
    for (const { name, document } of all) {
      const programs = await embeddedFontPrograms(document.bytes);
      const characters = new Set(compact(pdfText(document.bytes)));
      for (const char of characters) {
        const program = programs.find((p) => p.glyphs.has(char));
        expect(program, `${name}: "${char}" has no glyph in any embedded font`).toBeDefined();
        const outline = program!.outline(program!.glyphs.get(char)!);
        const original = originals
          .get(program!.baseFont.replace(/^[A-Z]{6}\+/, ''))!
          .glyphForCodePoint(char.codePointAt(0)!)
          .path.toSVG();
        expect(outline, `${name}: "${char}" U+${char.codePointAt(0)!.toString(16)}`).not.toBe('');
        expect(outline, `${name}: "${char}" is drawn with another character's outline`).toBe(original);
      }
    }
  });

  it('prints names with a middle dot and rare characters, from a second font where the first has none', async () => {
    const json = exampleJson('commendation-wuliji-bayaer') as { recipient: Record<string, unknown> };
    const name = '乌力吉·巴雅尔䶮𡎚𰻞';
    const document = await render('commendation-wuliji-bayaer', { recipient: { ...json.recipient, name } });
    expect(compact(pdfText(document.bytes))).toContain(`${name}同志：`);
    const programs = await embeddedFontPrograms(document.bytes);
    const fontOf = (char: string) => programs.filter((p) => p.glyphs.has(char)).map((p) => p.baseFont);
    expect(fontOf('𰻞').join()).toMatch(/NotoSansSC/);
    expect(fontOf('䶮').join()).toMatch(/NotoSerifSC/);
  });

  it('fails clearly, naming record, field and code point, for a character no font has', async () => {
    const json = exampleJson('merit-zhang-peng') as { recipient: Record<string, unknown> };
    const attempt = render('merit-zhang-peng', { recipient: { ...json.recipient, name: '张𠈌' } });
    await expect(attempt).rejects.toBeInstanceOf(MissingGlyphError);
    await expect(attempt).rejects.toThrow(
      'record merit-zhang-peng: recipient.name: no configured font can draw "𠈌" (U+2020C)',
    );
  });

  it('prints text that looks like markup or Handlebars literally', async () => {
    const json = exampleJson('merit-zhang-peng') as { recipient: Record<string, unknown> };
    const name = '{{张}}<鹏>&"\'';
    const document = await render('merit-zhang-peng', { recipient: { ...json.recipient, name } });
    expect(compact(pdfText(document.bytes))).toContain(`${name}同志：`);
  });

  it('sets a 300-awardee order over numbered pages with every awardee', async () => {
    const json = exampleJson('commendation-order-2020-12') as {
      awardees: { name: string; unit: string; award: string }[];
    };
    const awardees = Array.from({ length: 300 }, (_, i) => ({
      ...json.awardees[i % json.awardees.length]!,
      name: `民警${i + 1}号`,
    }));
    const document = await render('commendation-order-2020-12', { awardees });
    expect(document.pages).toBeGreaterThan(10);
    const text = compact(pdfText(document.bytes));
    for (const awardee of awardees) expect(text).toContain(awardee.name);
    for (let page = 1; page <= document.pages; page++) expect(text).toContain(`—${page}—`);
    expect(document.bytes.length / document.pages).toBeLessThan(30_000);
  });
});

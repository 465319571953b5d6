import { describe, expect, it } from 'vitest';
import { fieldWithin, renderRecordDocuments } from '../../../functions/core/documents/renderRecordDocuments.js';
import { DocumentEngine } from '../../../functions/core/engine/DocumentEngine.js';
import { exampleJson, exampleRecord } from '../../support/examples.js';
import { type PdfTextLine, pageLines, pdfText } from '../../support/poppler.js';

const MM = 72 / 25.4;
const compact = (text: string) => text.replace(/\s+/g, '');
const render = async (name: string, changes: Record<string, unknown> = {}) =>
  (await renderRecordDocuments(exampleRecord(name, changes)))[0]!;
const isPageNumber = (line: PdfTextLine) => /^—\s*\d+\s*—$/.test(line.text.trim());
const allLines = (bytes: Uint8Array, pages: number) =>
  Array.from({ length: pages }, (_, index) => pageLines(bytes, index + 1).filter((line) => !isPageNumber(line)));
/** Characters of a line that are not punctuation: letters, digits, Han. */
const wordChars = (text: string) => [...text].filter((char) => /[\p{L}\p{N}]/u.test(char)).length;

const LONG_TITLE = '内蒙古自治区公安厅关于给予呼伦贝尔市公安局海拉尔区分局民警张鹏等同志记个人三等功的命令';
const AUTHORITY_23 = '内蒙古自治区公安厅新冠肺炎疫情防控工作领导小组';

describe('typesetting rules on rendered PDFs (typography.md §6)', () => {
  it('breaks a long title only between words, and a long red mark too', async () => {
    const json = exampleJson('commendation-order-2020-12') as { authority: object };
    const document = await render('commendation-order-2020-12', {
      title: LONG_TITLE,
      authority: { ...json.authority, name: AUTHORITY_23 },
    });
    const lines = pageLines(document.bytes, 1).map((line) => compact(line.text));
    const titleLines = lines.filter((line) => LONG_TITLE.includes(line) && line.length > 4);
    expect(titleLines.join('')).toBe(LONG_TITLE);
    expect(titleLines.length).toBeGreaterThan(1);
    // Breaks fall between words: never inside a place, an office or the award.
    const words = ['内蒙古自治区', '公安厅', '呼伦贝尔市', '公安局', '海拉尔区', '分局', '三等功', '的命令'];
    for (let i = 1; i < titleLines.length; i++) {
      const before = titleLines.slice(0, i).join('').length;
      for (const word of words) {
        const at = LONG_TITLE.indexOf(word);
        expect(before > at && before < at + word.length, `break ${before} inside ${word}`).toBe(false);
      }
    }
    // The mark: over two lines, broken between 新冠肺炎 and 疫情防控 or between other words.
    const markLines = lines.filter((line) => AUTHORITY_23.includes(line) && line.length > 3).slice(0, 2);
    expect(markLines.join('')).toBe(AUTHORITY_23);
    const markBreak = markLines[0]!.length;
    for (const word of ['内蒙古自治区', '公安厅', '新冠肺炎', '疫情防控', '工作', '领导小组']) {
      const at = AUTHORITY_23.indexOf(word);
      expect(markBreak > at && markBreak < at + word.length, `mark break inside ${word}`).toBe(false);
    }
  });

  it('keeps names whole in the order table: Mongolian names with any of the six dots, in one 间隔号', async () => {
    const names = [
      '额尔敦毕力格',
      '乌力吉・巴雅尔',
      '阿拉坦其其格‧额尔德尼',
      '斯琴•高娃',
      '巴特尔·乌日根',
      '其木格･娜仁',
      '敖其尔．巴图',
    ];
    const awardees = names.map((name) => ({
      name,
      unit: '锡林郭勒盟公安局二连浩特市分局口岸派出所',
      award: '个人二等功',
    }));
    const document = await render('commendation-order-2020-12', { awardees });
    const text = allLines(document.bytes, document.pages)
      .flat()
      .map((line) => line.text);
    for (const name of names) {
      const printed = name.replace(/[・‧•･．]/g, '·');
      expect(
        text.some((line) => line.includes(printed)),
        printed,
      ).toBe(true);
    }
    expect(text.join('')).not.toMatch(/[・‧•･．]/);
    // The unit breaks between words: 锡林郭勒盟公安局 / 二连浩特市分局 / 口岸派出所.
    expect(text).toContain('锡林郭勒盟公安局');
    expect(text.some((line) => line.startsWith('口岸派出所'))).toBe(true);
  });

  it('never leaves a single character alone on a paragraph’s last line or a table cell’s', async () => {
    // Deeds of every length from 10 to 60 characters: some would end with a character alone.
    const phrase = '在新冠肺炎疫情防控工作中坚守卡口值守一线连续奋战表现突出事迹感人';
    let stranded = 0;
    for (let length = 10; length <= 60; length += 1) {
      const deed = phrase.repeat(3).slice(0, length);
      const document = await render('merit-zhang-peng', { deed });
      for (const line of pageLines(document.bytes, 1)) {
        if (wordChars(line.text) === 1) stranded++;
      }
    }
    expect(stranded).toBe(0);
    // Units of many lengths: cut at characters, 12 of 40 of these rows once ended with one alone.
    const units = [
      '呼伦贝尔市公安局海拉尔区分局呼伦街派出所',
      '兴安盟突泉县公安局',
      '鄂尔多斯市公安局东胜区分局交通管理大队',
      '阿拉善盟阿左旗公安局额鲁特路派出所',
      '锡林郭勒盟公安局二连浩特市分局口岸派出所',
      '乌兰察布市公安局集宁区分局刑侦大队',
      '呼和浩特市公安局赛罕区分局巡警大队',
      '包头市公安局昆都仑区分局治安大队',
      '通辽市公安局科尔沁区分局看守所',
      '赤峰市公安局红山区分局特警大队',
      '巴彦淖尔市公安局临河区分局交警大队',
      '乌海市公安局海勃湾区分局刑侦大队',
    ];
    const awardees = units.map((unit, i) => ({ name: `民警${i}`, unit, award: '嘉奖' }));
    const order = await render('commendation-order-2020-12', { awardees });
    const lines = allLines(order.bytes, order.pages).flat();
    expect(lines.filter((line) => wordChars(line.text) === 1 && /\p{Script=Han}/u.test(line.text))).toEqual([]);
  });

  it('leaves no widow or orphan: a paragraph’s first line never ends a page, its last never starts one', async () => {
    const paragraph = '全区各级公安机关坚决贯彻落实党中央决策部署和自治区党委、公安部工作要求。';
    const left = 28 * MM;
    let breaksSeen = 0;
    for (let count = 8; count <= 20; count++) {
      // Paragraphs of 1 to 4 lines, in a mix that puts page breaks at every place in them.
      const preamble = Array.from({ length: count }, (_, i) => paragraph.repeat((i % 4) + 1));
      const document = await render('commendation-order-2020-12', { preamble, colophon: undefined });
      const pages = allLines(document.bytes, document.pages);
      for (let p = 0; p + 1 < pages.length; p++) {
        const foot = pages[p]!.at(-1)!;
        const head = pages[p + 1]![0]!;
        // Only a break inside the preamble: body lines at the text area's left edge or indented 2 em.
        if (!paragraph.includes(compact(foot.text).slice(0, 6))) continue;
        breaksSeen++;
        const footIsFirstLine = Math.abs(foot.xMin - (left + 32)) < 2;
        const footEndsParagraph = compact(foot.text).endsWith('。');
        expect(footIsFirstLine && !footEndsParagraph, `orphan at the foot of page ${p + 1}: ${foot.text}`).toBe(false);
        const headIsIndented = Math.abs(head.xMin - (left + 32)) < 2;
        const headEndsParagraph = compact(head.text).endsWith('。');
        expect(!headIsIndented && headEndsParagraph && !footEndsParagraph, `widow: ${head.text}`).toBe(false);
      }
    }
    expect(breaksSeen).toBeGreaterThan(5);
  });

  it('carries two lines of body with the signature, with a signatory too', async () => {
    for (let count = 1; count <= 24; count++) {
      const preamble = Array.from({ length: count }, () => '全区各级公安机关坚决贯彻落实党中央决策部署。'.repeat(2));
      const document = await render('commendation-order-2020-12', {
        preamble,
        // A one-line last paragraph: the widow rule alone would let it go with the signature by itself.
        closing: ['希望受到表彰的同志珍惜荣誉，再立新功。', '特此命令。'],
        signatory: { title: '厅长', name: '衡晓帆' },
        colophon: undefined,
      });
      const last = pageLines(document.bytes, document.pages).filter((line) => !isPageNumber(line));
      const signatory = last.findIndex((line) => compact(line.text) === '厅长衡晓帆');
      expect(signatory, `${count}: ${last.map((l) => l.text).join('|')}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('prints the 版记 at the foot of the last page, its last line on the text area’s bottom', async () => {
    const document = await render('commendation-order-2020-12');
    const last = pageLines(document.bytes, document.pages).filter((line) => !isPageNumber(line));
    const copyTo = last.find((line) => compact(line.text).startsWith('抄送：'))!;
    const printed = last.find((line) => compact(line.text).endsWith('印发'))!;
    const printedBy = last.find((line) => compact(line.text) === '内蒙古自治区公安厅政治部')!;
    expect(compact(copyTo.text)).toBe('抄送：公安部政治部，自治区党委政法委。');
    expect(compact(printed.text)).toBe('2020年2月5日印发');
    // 印发机关 and 印发日期 share a line, at its two ends.
    expect(printedBy.yMax).toBeCloseTo(printed.yMax, 0);
    expect(printedBy.xMin).toBeCloseTo(28 * MM + 14, 0);
    // 1 character (14 pt) in from each side; the 印发 line is the last line of the text area.
    expect(copyTo.xMin).toBeCloseTo(28 * MM + 14, 0);
    expect(printed.xMax).toBeCloseTo((210 - 26) * MM - 14, 0);
    expect(printed.yMax).toBeGreaterThan((297 - 35) * MM - (225 * MM) / 22);
    expect(printed.yMax).toBeLessThan((297 - 35) * MM);
    expect(copyTo.yMax).toBeLessThan(printed.yMin);
    // Omitted when the record has none: no 抄送, no 印发.
    const bare = await render('commendation-order-2020-12', { colophon: undefined });
    expect(pdfText(bare.bytes)).not.toMatch(/抄送|印发/);
  });

  it('draws —— as one 2-em dash glyph that extracts as ——', async () => {
    const document = await render('telegram-sympathy-sun-dejian', {
      paragraphs: ['惊悉你在抗击疫情一线连续奋战——晕倒在工作岗位上，我们深感痛心。'],
    });
    expect(compact(pdfText(document.bytes))).toContain('连续奋战——晕倒');
    const words = pageLines(document.bytes, 1).find((line) => line.text.includes('——'))!;
    expect(words).toBeDefined();
    // One glyph: the raw text has no U+2014 pair drawn separately, only the 2-em dash mapped back.
    expect(pdfText(document.bytes, '-raw')).toContain('——');
  });

  it('gives the 破折号 two full ems, its glyph centred in them', async () => {
    // One line, the paragraph's last: set at natural width, not justified.
    const document = await render('telegram-sympathy-sun-dejian', { paragraphs: ['连续奋战——晕倒在岗位上。'] });
    const words = [
      ...pdfText(document.bytes, '-bbox').matchAll(/xMin="([\d.]+)"[^>]*xMax="([\d.]+)"[^>]*>([^<]*)</g),
    ].map(([, xMin, xMax, text]) => ({ xMin: Number(xMin), xMax: Number(xMax), text }));
    const at = words.findIndex((word) => word.text === '——');
    const [before, dash, after] = [words[at - 1]!, words[at]!, words[at + 1]!];
    expect(before.text).toBe('连续奋战');
    // From the end of 战 to the start of 晕: 2 em at 16 pt, less the body's −0.25 pt tracking on each side.
    expect(after.xMin - before.xMax).toBeCloseTo(32 - 0.5, 0);
    expect(dash.xMin - before.xMax).toBeCloseTo(after.xMin - dash.xMax, 0);
  });

  it('prints the certificate number small at the lower left inside the frame, and nothing without one', async () => {
    const mark = () => ({ code: 'ABCD2EFGH3JKLM4NPQRS', url: 'http://127.0.0.1:3000/verify/ABCD2EFGH3JKLM4NPQRS' });
    const [document] = await renderRecordDocuments(
      exampleRecord('merit-zhang-peng', { certificateNumber: '内公奖证〔2020〕第0003号' }),
      DocumentEngine.shared(),
      mark,
    );
    const line = pageLines(document!.bytes, 1).find((candidate) => candidate.text.includes('编号'))!;
    expect(compact(line.text)).toBe('编号：内公奖证〔2020〕第0003号');
    // Right of the verification code (20 mm wide from 16 mm), under the body area, inside the 9 mm frame.
    expect(line.xMin).toBeGreaterThan(38 * MM);
    expect(line.xMax).toBeLessThan(297 * MM * 0.6);
    expect(line.yMax).toBeLessThan((210 - 12) * MM);
    // Clear of the code's caption, which runs wider than the symbol.
    const caption = pageLines(document!.bytes, 1).find((candidate) => candidate.text.includes('ABCD2EFGH3'))!;
    expect(caption.text).not.toContain('编号');
    expect(line.yMax <= caption.yMin || line.xMin >= caption.xMax).toBe(true);
    // Small beside the 22 pt body.
    expect(line.yMax - line.yMin).toBeLessThan(16);
    const bare = await render('merit-zhang-peng', { certificateNumber: undefined });
    expect(pdfText(bare.bytes)).not.toContain('编号');
  });

  it('prints a quotation inside a quotation in single quotes (GB/T 15834)', async () => {
    const document = await render('telegram-sympathy-sun-dejian', {
      paragraphs: ['你践行了“把“人民至上”写在卡口上”的誓言，我们深感痛心。'],
    });
    expect(compact(pdfText(document.bytes))).toContain('“把‘人民至上’写在卡口上”');
  });

  it('names the field whose text made a composed sentence too long', () => {
    const record = exampleRecord('merit-zhang-peng', { deed: '在疫情防控卡口连续值守四十天' });
    expect(fieldWithin(record, '在疫情防控卡口连续值守四十天，荣记个人三等功。')?.path).toBe('deed');
    expect(fieldWithin(record, '与本记录无关的文字')).toBeUndefined();
  });

  describe('title lines', () => {
    /** The consecutive lines of page 1 that together spell the title. */
    const titleLinesOf = async (title: string) => {
      const document = await render('praise-bulletin-2020-18', { title });
      const lines = pageLines(document.bytes, 1).map((line) => compact(line.text));
      for (let from = 0; from < lines.length; from++)
        for (let to = from + 1; to <= lines.length && lines.slice(from, to).join('').length <= title.length; to++)
          if (lines.slice(from, to).join('') === title) return lines.slice(from, to);
      throw new Error(`title not found on page 1: ${lines.join(' / ')}`);
    };
    const breaksInside = (lines: readonly string[], word: string) => {
      const title = lines.join('');
      const at = title.indexOf(word);
      let before = 0;
      return lines.slice(0, -1).some((line) => {
        before += line.length;
        return before > at && before < at + word.length;
      });
    };

    it('never starts a line with 的: the shipped praise bulletin’s title', async () => {
      const title = exampleJson('praise-bulletin-2020-18').title as string;
      const lines = await titleLinesOf(title);
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect(line, lines.join(' / ')).not.toMatch(/^[的和及与]/);
    });

    it('never starts a line with 和, and keeps 和 off a line’s end when another break balances', async () => {
      const lines = await titleLinesOf(
        '关于表扬全区公安机关在疫情防控战时表彰奖励工作中表现突出和成绩显著的先进集体的通报',
      );
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) {
        expect(line, lines.join(' / ')).not.toMatch(/^[的和及与]/);
        expect(line, lines.join(' / ')).not.toMatch(/[和及与]$/);
      }
    });

    it('never breaks inside 公安机关, 公安民警 or 人民警察', async () => {
      const titles = [
        '关于表扬锡林郭勒盟各旗县公安机关抗击疫情先进集体的通报',
        '内蒙古自治区公安厅关于表扬呼伦贝尔市全体公安民警和人民警察在抗击疫情中的先进事迹的通报',
      ];
      for (const title of titles) {
        const lines = await titleLinesOf(title);
        expect(lines.length).toBeGreaterThan(1);
        for (const word of ['公安机关', '公安民警', '人民警察'])
          expect(breaksInside(lines, word), `${lines.join(' / ')}: ${word}`).toBe(false);
      }
    });
  });
});

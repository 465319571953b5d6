import { describe, expect, it } from 'vitest';
import { FontRegistry } from '../../../../functions/core/engine/fonts/FontRegistry.js';
import { breakLines, naturalWidth } from '../../../../functions/core/engine/typeset/breakLines.js';
import { NO_LINE_END, NO_LINE_START } from '../../../../functions/core/engine/typeset/cjkRules.js';
import { shapeText } from '../../../../functions/core/engine/typeset/shapeText.js';
import { officialBody, officialWidth } from '../../../support/textStyles.js';

const fonts = FontRegistry.shared();
const lineTexts = (text: string, width = officialWidth, style = officialBody) =>
  breakLines(shapeText([{ text, style, line: 1 }], fonts), () => width).map((line) =>
    line.glyphs.map((g) => g.char).join(''),
  );
const han = (count: number) => '战'.repeat(count);

describe('CJK line breaking (typography.md §4, clreq basic level)', () => {
  it('sets 28 characters of 16 pt 仿宋 on a 156 mm GB/T 9704 line', () => {
    expect(lineTexts(han(56)).map((line) => line.length)).toEqual([28, 28]);
    expect(lineTexts(han(30)).map((line) => line.length)).toEqual([28, 2]);
  });

  it('never leaves one character alone on a last line: the line before gives it its last character', () => {
    expect(lineTexts(han(29)).map((line) => line.length)).toEqual([27, 2]);
    // "功。": a mark does not count as a second character.
    expect(lineTexts(`${han(28)}功。`)).toEqual([han(27), '战功。']);
    // Each paragraph of a text broken by newlines keeps the rule.
    expect(lineTexts(`${han(29)}\n${han(29)}`).map((line) => line.length)).toEqual([27, 2, 27, 2]);
    // A one-line paragraph is left as it is.
    expect(lineTexts('奖。')).toEqual(['奖。']);
  });

  it('pulls a comma that may not start a line back by compressing punctuation, rather than pushing a character', () => {
    // 28 characters end in 。” and a comma follows: squeezing 。” and the final ， makes room for it.
    const lines = lineTexts(`${han(24)}“战。”，${han(5)}`);
    expect(lines[0]).toBe(`${han(24)}“战。”，`);
    expect(lines[1]).toBe(han(5));
  });

  it('pushes a character down with a comma when squeezing cannot make room', () => {
    const lines = lineTexts(`${han(28)}，${han(5)}`);
    expect(lines[0]).toBe(han(27));
    expect(lines[1]).toBe(`战，${han(5)}`);
  });

  it('pushes the last character down with a mark that cannot be compressed in', () => {
    // A 28-character line followed by 、。 : both may not start a line, and one em cannot be squeezed out.
    // 28 characters, then 。” which may not start a line: squeezing 。” alone cannot make a full em of room.
    const lines = lineTexts(`${han(28)}。”${han(5)}`);
    expect(lines).toEqual([han(27), `战。”${han(5)}`]);
  });

  it('never ends a line with an opening bracket or quote', () => {
    const lines = lineTexts(`${han(27)}《新冠肺炎防控方案》${han(3)}`);
    expect(lines[0]).toBe(han(27));
    expect(lines[1]!.startsWith('《')).toBe(true);
  });

  it('keeps …… whole, and sets —— as the one 2-em dash glyph (U+2E3A) the font has', () => {
    const lines = lineTexts(`${han(27)}……${han(4)}`);
    expect(lines.every((line) => !line.endsWith('…') || line.endsWith('……'))).toBe(true);
    expect(lines.some((line) => line.includes('……'))).toBe(true);
    const dashed = lineTexts(`${han(27)}——${han(4)}`).join('');
    expect(dashed).toBe(`${han(27)}\u2E3A${han(4)}`);
    const dash = shapeText([{ text: '——', style: officialBody, line: 1 }], fonts).flatMap((unit) => unit.glyphs);
    expect(dash).toHaveLength(1);
    expect(dash[0]!.cells).toBe(2);
  });

  it('keeps a number with its unit, and a name with its middle dot', () => {
    const numberLines = lineTexts(`${han(26)}2020年${han(3)}`);
    expect(numberLines.some((line) => line.includes('2020年'))).toBe(true);
    for (let before = 20; before <= 28; before++) {
      const nameLines = lineTexts(`${han(before)}乌力吉·巴雅尔${han(3)}`);
      expect(nameLines.some((line) => line.includes('吉·巴'))).toBe(true);
    }
  });

  it('keeps numbers whole across . , and :, and full-width digits together', () => {
    for (const number of ['3.14万元', '1,585个', '12:30时', '2020.02.05', '２０２０年']) {
      for (let before = 22; before <= 27; before++) {
        const lines = lineTexts(`${han(before)}${number}${han(3)}`);
        expect(
          lines.some((line) => line.includes(number.replace(/.$/, ''))),
          `${number} after ${before}`,
        ).toBe(true);
      }
    }
  });

  it('measures the spaces inside a line, so no line runs past its width', () => {
    const texts = [
      `${han(20)} A B C D E F G H I J K L`,
      `${han(20)}${'\u3000'.repeat(6)}${han(10)}`,
      `${han(10)} COVID-19 ${han(30)}`,
    ];
    for (const text of texts) {
      const lines = breakLines(shapeText([{ text, style: officialBody, line: 1 }], fonts), () => officialWidth);
      for (const line of lines)
        expect(naturalWidth(line.glyphs) - line.compressions.reduce((a, c) => a + c.amount, 0)).toBeLessThanOrEqual(
          officialWidth + 0.01,
        );
    }
  });

  it('cuts a unit wider than the whole line, the one place a break falls inside a unit', () => {
    const lines = breakLines(
      shapeText([{ text: 'A'.repeat(80), style: officialBody, line: 1 }], fonts),
      () => officialWidth,
    );
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map((line) => line.glyphs.length).reduce((a, b) => a + b)).toBe(80);
    for (const line of lines) expect(naturalWidth(line.glyphs)).toBeLessThanOrEqual(officialWidth + 0.01);
  });

  it('never breaks inside a Latin word', () => {
    const lines = lineTexts(`${han(24)}COVID-19${han(4)}`);
    expect(lines.some((line) => line.includes('COVID-19'))).toBe(true);
  });

  it('puts ¼ em between Han characters and Latin letters, but not at a line start', () => {
    const [glyphs] = [
      shapeText([{ text: '新冠COVID病毒', style: officialBody, line: 1 }], fonts).flatMap((u) => u.glyphs),
    ];
    const gaps = glyphs!.map((g) => g.gapBefore);
    expect(gaps).toEqual([0, 0, 4, 0, 0, 0, 0, 4, 0]);
    expect(naturalWidth(glyphs!.slice(2))).toBeLessThan(naturalWidth(glyphs!.slice(1)) - 4);
  });

  it('sets digits solid against Han, as 公文 set dates and 文号 (typography.md §6)', () => {
    for (const text of ['2020年2月5日', '内公奖〔2020〕12号', '记功2次']) {
      const glyphs = shapeText([{ text, style: officialBody, line: 1 }], fonts).flatMap((u) => u.glyphs);
      expect(
        glyphs.map((g) => g.gapBefore),
        text,
      ).toEqual(glyphs.map(() => 0));
    }
  });

  it('obeys the prohibition rules on a long real paragraph at many widths', () => {
    const text =
      '新冠肺炎疫情发生以来，全区各级公安机关坚决贯彻落实党中央决策部署和自治区党委、公安部工作要求，广大公安民警辅警冲锋在前、顽强奋战，' +
      '践行着“疫情不退、警察不退”的庄严承诺，涌现出一批可歌可泣的先进典型。截至目前，全区各级公安机关先后实施战时记功225个（集体33个、个人192名），' +
      '嘉奖1585个（集体190个、个人1395名），开展送奖上门（岗）830次，发出嘉奖令40份……';
    for (let chars = 8; chars <= 30; chars++) {
      const lines = lineTexts(text, chars * 15.75 + 1);
      expect(lines.join('')).toBe(text);
      lines.forEach((line, index) => {
        if (index > 0) expect(NO_LINE_START.has(line[0]!), `line ${index} at ${chars} chars: ${line}`).toBe(false);
        if (index < lines.length - 1)
          expect(NO_LINE_END.has(line.at(-1)!), `line ${index} at ${chars} chars: ${line}`).toBe(false);
      });
    }
  });
});

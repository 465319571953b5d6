import { describe, expect, it } from 'vitest';
import { FontRegistry } from '../../../../functions/core/engine/fonts/FontRegistry.js';
import { breakLines } from '../../../../functions/core/engine/typeset/breakLines.js';
import { NO_LINE_END, NO_LINE_START } from '../../../../functions/core/engine/typeset/cjkRules.js';
import { normalizeSpans } from '../../../../functions/core/engine/typeset/normalizeText.js';
import { shapeText } from '../../../../functions/core/engine/typeset/shapeText.js';
import { officialBody, officialWidth } from '../../../support/textStyles.js';

const fonts = FontRegistry.shared();
const span = (text: string) => ({ text, style: officialBody, line: 1 });
const normalized = (...texts: string[]) => normalizeSpans(texts.map(span)).map((s) => s.text);
const lineTexts = (text: string) =>
  breakLines(shapeText([span(text)], fonts), () => officialWidth).map((line) =>
    line.glyphs.map((g) => g.char).join(''),
  );
const han = (count: number) => '战'.repeat(count);

describe('text prepared before shaping', () => {
  it('prints one 间隔号 (U+00B7) for each of the middle dots a name arrives with', () => {
    expect(normalized('乌力吉·巴雅尔', '额尔敦・毕力格', '其木格‧娜仁', '巴特•朝鲁')).toEqual([
      '乌力吉·巴雅尔',
      '额尔敦·毕力格',
      '其木格·娜仁',
      '巴特·朝鲁',
    ]);
  });

  it('takes U+FF65 for a 间隔号, and U+FF0E only between two Han characters', () => {
    expect(normalized('其木格･娜仁', '敖其尔．巴图', '阿拉坦．', '．娜仁')).toEqual([
      '其木格·娜仁',
      '敖其尔·巴图',
      '阿拉坦．',
      '．娜仁',
    ]);
    // Elsewhere U+FF0E is the full-width stop of 公文 numbering and of Latin text.
    expect(normalized('1．总体要求', '（2．）', 'A．B')).toEqual(['1．总体要求', '（2．）', 'A．B']);
  });

  it('sets a quotation inside a quotation in single quotes, only where the pairs match', () => {
    expect(normalized('号召全体民警学习“他说“人民至上”的精神”')).toEqual(['号召全体民警学习“他说‘人民至上’的精神”']);
    // Three levels alternate; siblings are each inner; spans do not stop the matching.
    expect(normalized('“一“二“三”二”一“二”一”')).toEqual(['“一‘二“三”二’一‘二’一”']);
    expect(normalized('被授予“全区', '“优秀”民警”称号')).toEqual(['被授予“全区', '‘优秀’民警”称号']);
    // An unclosed outer quote says nothing about the pair after it; pairs side by side stay double.
    expect(normalized('“未闭合“完整”')).toEqual(['“未闭合“完整”']);
    expect(normalized('“甲”和“乙”')).toEqual(['“甲”和“乙”']);
  });

  it('drops spaces beside full-width marks, across span boundaries too, and keeps the others', () => {
    expect(normalized('表现突出 ，荣记三等功 。')).toEqual(['表现突出，荣记三等功。']);
    expect(normalized('（ 集体 ）“ 英雄 ”')).toEqual(['（集体）“英雄”']);
    expect(normalized('表现突出  ', '，荣记')).toEqual(['表现突出', '，荣记']);
    expect(normalized('COVID-19 疫情 2020 年')).toEqual(['COVID-19 疫情 2020 年']);
  });

  it('lets no line start with ，。） or end with （“ because of a stray space', () => {
    // Without the rule the space before ， is a break: the comma would open the second line.
    for (const text of [`${han(28)} ，${han(5)}`, `${han(27)}（ ${han(8)}）`, `${han(28)} 。”${han(3)}`]) {
      const lines = lineTexts(text);
      for (const line of lines) {
        expect(NO_LINE_START.has(line[0]!), `${text} → ${lines.join(' / ')}`).toBe(false);
        expect(NO_LINE_END.has(line.at(-1)!), `${text} → ${lines.join(' / ')}`).toBe(false);
        expect(line).not.toContain(' ');
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { FontRegistry } from '../../../../functions/core/engine/fonts/FontRegistry.js';
import type { TextStyle } from '../../../../functions/core/engine/layout/LayoutModel.js';
import { balanceTitle } from '../../../../functions/core/engine/typeset/balanceTitle.js';
import { shapeText } from '../../../../functions/core/engine/typeset/shapeText.js';
import { officialWidth } from '../../../support/textStyles.js';

const title: TextStyle = {
  name: 'title',
  font: 'xiaobiaosong',
  size: 22,
  color: [0, 0, 0],
  tracking: 0,
  leading: 29,
  autospace: true,
};
const titleLines = (text: string) =>
  balanceTitle(shapeText([{ text, style: title, line: 1 }], FontRegistry.shared()), 20, officialWidth).map((line) =>
    line.glyphs.map((g) => g.char).join(''),
  );

describe('document titles (GB/T 9704 §7.3.3)', () => {
  it('keeps a short title on one line', () => {
    expect(titleLines('关于表扬张鹏同志的通报')).toEqual(['关于表扬张鹏同志的通报']);
  });

  it('breaks after 关于 rather than anywhere, into a trapezoid', () => {
    const lines = titleLines('内蒙古自治区公安厅关于给予何建华等同志记功嘉奖的命令');
    expect(lines).toEqual(['内蒙古自治区公安厅关于', '给予何建华等同志记功嘉奖的命令']);
  });

  it('never breaks inside 《…》 nor between a number and its unit, and never forms a rectangle', () => {
    const lines = titleLines('内蒙古自治区公安厅关于印发《战时表彰奖励工作规程》和表扬2020年度10个先进集体的通报');
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(20);
      expect((line.match(/《/g) ?? []).length).toBe((line.match(/》/g) ?? []).length);
      expect(line).not.toMatch(/^(年|个)/);
    }
    expect(new Set(lines.map((line) => line.length)).size).toBeGreaterThan(1);
  });

  it('never forms a rectangle, even when the title is an exact multiple of the line length', () => {
    for (const length of [40, 60, 80]) {
      const lines = titleLines('战'.repeat(length));
      expect(lines.join('')).toBe('战'.repeat(length));
      expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(20);
      expect(
        new Set(lines.map((line) => line.length)).size,
        `${length}: ${lines.map((l) => l.length)}`,
      ).toBeGreaterThan(1);
    }
  });

  it('breaks the longest title a record may hold (an exhaustive search never finished it)', () => {
    const lines = titleLines('关于表彰'.repeat(50));
    expect(lines.join('')).toBe('关于表彰'.repeat(50));
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(20);
  });
});

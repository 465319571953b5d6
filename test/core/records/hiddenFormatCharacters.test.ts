import { describe, expect, it } from 'vitest';
import { validateRecord } from '../../../functions/core/records/index.js';
import { awardRecordJsonSchema } from '../../../functions/core/records/index.js';
import { commendationOrderInput, meritInput } from './recordFactory.js';
import { validationErrorFor } from './validationError.js';

const named = (name: string) =>
  meritInput({ recipient: { type: 'individual', name, role: '民警', unit: '乌海市公安局' } });
const nameIssues = (name: string) => validationErrorFor(named(name)).issues;

/** Mongolian letters (ᠮᠣᠩᠭᠣᠯ), with the format characters that script needs between them. */
const MONGOL = 'ᠮᠣᠩᠭᠣᠯ';

describe('hidden format characters in text fields', () => {
  it.each([
    ['202A', 'LEFT-TO-RIGHT EMBEDDING'],
    ['202B', 'RIGHT-TO-LEFT EMBEDDING'],
    ['202C', 'POP DIRECTIONAL FORMATTING'],
    ['202D', 'LEFT-TO-RIGHT OVERRIDE'],
    ['202E', 'RIGHT-TO-LEFT OVERRIDE'],
    ['2066', 'LEFT-TO-RIGHT ISOLATE'],
    ['2067', 'RIGHT-TO-LEFT ISOLATE'],
    ['2068', 'FIRST STRONG ISOLATE'],
    ['2069', 'POP DIRECTIONAL ISOLATE'],
    ['200E', 'LEFT-TO-RIGHT MARK'],
    ['200F', 'RIGHT-TO-LEFT MARK'],
    ['061C', 'ARABIC LETTER MARK'],
    ['200B', 'ZERO WIDTH SPACE'],
    ['2060', 'WORD JOINER'],
    ['FEFF', 'ZERO WIDTH NO-BREAK SPACE'],
  ])('refuses U+%s in a name, naming the field and the code point', (hex, name) => {
    expect(nameIssues(`张${String.fromCodePoint(Number.parseInt(hex, 16))}鹏`)).toEqual([
      { path: 'recipient.name', message: `U+${hex} (${name}) is not allowed` },
    ]);
  });

  it('refuses them in every kind of text field: deeds, authorities, list entries, paragraphs, deliveries', () => {
    const rlo = '\u202E';
    const merit = validationErrorFor(
      meritInput({
        deed: `在疫情防控中${rlo}表现突出`,
        authority: { name: `内蒙古${rlo}自治区公安厅`, code: '内公奖' },
        deliveries: [{ at: '2020-03-04T10:00:00+08:00', place: `小区${rlo}检查点` }],
      }),
    );
    const order = validationErrorFor(
      commendationOrderInput({
        awardees: [{ name: '何建华', unit: `兴安盟${rlo}公安局`, award: '追记个人一等功' }],
        preamble: ['全区广大公安民警辅警冲锋在前。', `坚守${rlo}岗位。`],
      }),
    );
    const message = 'U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed';
    expect([...merit.issues, ...order.issues]).toEqual(
      ['authority.name', 'deed', 'deliveries[0].place', 'preamble[1]', 'awardees[0].unit'].map((path) => ({
        path,
        message,
      })),
    );
    expect(merit.message).toContain(`deed: ${message}`);
  });

  it.each([
    ['a free variation selector after a letter', `ᠮᠣᠩ\u180Bᠭᠣᠯ`],
    ['the fourth free variation selector', `ᠮᠣᠩ\u180Fᠭᠣᠯ`],
    ['the vowel separator before a final vowel', `ᠬᠠ\u180Eᠠ`],
    ['a narrow no-break space before a suffix', `${MONGOL}\u202Fᠤᠨ`],
    ['a zero width joiner after a letter', `ᠮ\u200D`],
    ['a zero width non-joiner before a letter', `${MONGOL} \u200Cᠠ`],
    ['Mongolian beside Chinese', `乌力吉（${MONGOL}\u180B）`],
  ])('keeps what Mongolian script needs beside it: %s', (_, name) => {
    const record = validateRecord(named(name));
    expect(record.kind === 'merit' && record.recipient.name).toBe(name);
  });

  it.each([
    ['a free variation selector after Han', '张\u180B鹏', 'U+180B (MONGOLIAN FREE VARIATION SELECTOR ONE)'],
    ['the vowel separator between Latin letters', 'a\u180Ea', 'U+180E (MONGOLIAN VOWEL SEPARATOR)'],
    ['a narrow no-break space between Han', '张\u202F鹏', 'U+202F (NARROW NO-BREAK SPACE)'],
    [
      'two selectors in a row, the second beside no letter',
      `ᠮ\u180B\u180C`,
      'U+180C (MONGOLIAN FREE VARIATION SELECTOR TWO)',
    ],
  ])('refuses Mongolian format characters elsewhere: %s', (_, name, character) => {
    expect(nameIssues(name)).toEqual([
      { path: 'recipient.name', message: `${character} is not allowed outside Mongolian script` },
    ]);
  });

  it.each([
    ['between Han', '张\u200D鹏', 'U+200D (ZERO WIDTH JOINER)'],
    ['beside a Mongolian digit, not a letter', '\u1810\u200C\u1811 张', 'U+200C (ZERO WIDTH NON-JOINER)'],
  ])('refuses the joiners anywhere but next to a Mongolian letter: %s', (_, name, character) => {
    expect(nameIssues(name)).toEqual([
      { path: 'recipient.name', message: `${character} is not allowed except next to a Mongolian letter` },
    ]);
  });

  it('publishes the same rule in the JSON Schema, as a pattern a JSON Schema validator runs with the u flag', () => {
    const schema = JSON.stringify(awardRecordJsonSchema());
    const patterns = [...schema.matchAll(/"pattern":"((?:[^"\\]|\\.)*)"/g)].map(([, source]) =>
      JSON.parse(`"${source}"`),
    );
    const rule = patterns.find((source) => source.includes('202E'));
    expect(rule).toBeDefined();
    const pattern = new RegExp(rule!, 'u');
    for (const accepted of ['张鹏', `ᠮᠣᠩ\u180Bᠭᠣᠯ`, `ᠮ\u200Dᠣ`, '𠈌明'])
      expect(pattern.test(accepted), accepted).toBe(true);
    for (const refused of ['张\u202E鹏', '张\u180B鹏', '张\u200D鹏', '\u2066x'])
      expect(pattern.test(refused), refused).toBe(false);
  });

  it('answers in linear time on a long value with a refused character at its end', () => {
    const started = performance.now();
    const paragraph = `${`ᠮ\u180Bᠣ\u202F`.repeat(450)}\u202E`;
    expect(validationErrorFor(commendationOrderInput({ decision: paragraph })).issues).toEqual([
      { path: 'decision', message: 'U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed' },
    ]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderRecordDocuments } from '../../../functions/core/documents/renderRecordDocuments.js';
import { statisticsBulletinView } from '../../../functions/core/documents/statisticsBulletinView.js';
import { DocumentEngine } from '../../../functions/core/engine/DocumentEngine.js';
import { TEXT_LIMITS } from '../../../functions/core/records/constants.js';
import { validateRecord } from '../../../functions/core/records/index.js';
import { compileFigures } from '../../../functions/core/statistics/compileFigures.js';
import { exampleJson } from '../../support/examples.js';
import { pdfText, toTempFile } from '../../support/poppler.js';
import { blackRectangles, extentOf } from '../../support/qrCodes.js';

const MM = 72 / 25.4;
const compact = (text: string) => text.replace(/\s+/g, '');

/** Text of exactly `length` characters, cut from a realistic phrase repeated. */
const filled = (phrase: string, length: number) => phrase.repeat(Math.ceil(length / phrase.length)).slice(0, length);

const AUTHORITY_23 = '内蒙古自治区公安厅新冠肺炎疫情防控工作领导小组';
const AUTHORITY_MAX = filled('内蒙古自治区公安厅新冠肺炎疫情防控工作领导小组办公室', TEXT_LIMITS.name);
const UNIT_30 = '锡林郭勒盟公安局二连浩特市分局口岸派出所边境检查站执勤一队';
const MONGOLIAN_NAMES = ['乌力吉・巴雅尔', '阿拉坦其其格·额尔德尼', '额尔敦毕力格', '巴特尔‧乌日根', '斯琴•高娃'];
const PARAGRAPH_MAX = filled(
  '新冠肺炎疫情发生以来，全区各级公安机关坚决贯彻落实党中央决策部署，',
  TEXT_LIMITS.paragraph,
);
const LINE_MAX = filled('内蒙古自治区公安厅关于表彰战时先进集体和先进个人的', TEXT_LIMITS.line);
const NAME_MAX = filled('阿拉坦其其格·额尔德尼', TEXT_LIMITS.name);
const UNIT_MAX = filled(UNIT_30, TEXT_LIMITS.unit);
// A verification mark as long as the endpoint's: a 20-character code under a production-sized base URL.
const CODE = 'ABCD2EFGH3JKLM4NPQRS';
const MARK = { code: CODE, url: `https://verify.example-authority.gov.cn/prod/verify/${CODE}` };

interface Box {
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
  readonly text: string;
}

/** Every word poppler finds on each page, with its box in points from the top-left corner. */
function pageWords(bytes: Uint8Array): Box[][] {
  const html = execFileSync('pdftotext', ['-bbox', toTempFile(bytes), '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
        ([, xMin, yMin, xMax, yMax, text]) => ({
          xMin: Number(xMin),
          yMin: Number(yMin),
          xMax: Number(xMax),
          yMax: Number(yMax),
          text: text!,
        }),
      ),
    );
}

/** A frame in millimetres from the paper's top-left corner. */
interface Frame {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

// GB/T 9704: the text area, and the page number's line 7 mm below it.
const TEXT_AREA: Frame = { left: 28, top: 37, right: 210 - 26, bottom: 297 - 35 };
const PAGE_NUMBER_ZONE: Frame = { left: 28, top: 297 - 35, right: 210 - 26, bottom: 297 - 35 + 7 + 5 };
// The certificate's inner red frame: 9 mm in, 3 + 3 + 1 pt of rules.
const CERTIFICATE_FRAME: Frame = {
  left: 9 + 7 / MM,
  top: 9 + 7 / MM,
  right: 297 - 9 - 7 / MM,
  bottom: 210 - 9 - 7 / MM,
};

const SLACK = 0.5; // points of rounding

/**
 * The em box of a word: poppler's box runs from the font's ascent to its descent (Noto: 1.151 and
 * 0.286 em about the baseline), the characters' em box from 0.88 em above to 0.12 em below.
 */
function emBox(word: Box): Box {
  const size = (word.yMax - word.yMin) / (1.151 + 0.286);
  const baseline = word.yMax - 0.286 * size;
  return { ...word, yMin: baseline - 0.88 * size, yMax: baseline + 0.12 * size };
}

function outside(word: Box, frame: Frame): boolean {
  const box = emBox(word);
  return (
    box.xMin < frame.left * MM - SLACK ||
    box.xMax > frame.right * MM + SLACK ||
    box.yMin < frame.top * MM - SLACK ||
    box.yMax > frame.bottom * MM + SLACK
  );
}

/**
 * The QR code is on the first page only, its modules inside the frame; its quiet zone of 4 modules
 * inside the frame too where the frame is drawn (the certificate's), else on the paper (the
 * official documents' code lines up with the text area, its zone in the blank margin); and no
 * word but its caption within that zone.
 */
async function expectCodeInside(bytes: Uint8Array, frame: Frame, label: string) {
  const [first, ...rest] = await blackRectangles(bytes);
  expect(first!.length, `${label}: a code on the first page`).toBeGreaterThan(0);
  expect(rest.flat(), `${label}: no code after the first page`).toEqual([]);
  const module = Math.min(...first!.map((r) => r.bottom - r.top));
  const code = extentOf(first!);
  const zone = {
    left: code.left - 4 * module,
    top: code.top - 4 * module,
    right: code.right + 4 * module,
    bottom: code.bottom + 4 * module,
  };
  const drawn = frame === CERTIFICATE_FRAME;
  const paper = { left: 0, top: 0, right: 210, bottom: 297 };
  for (const [box, within] of [
    [code, frame],
    [zone, drawn ? frame : paper],
  ] as const) {
    expect(box.left, label).toBeGreaterThanOrEqual(within.left * MM - SLACK);
    expect(box.top, label).toBeGreaterThanOrEqual(within.top * MM - SLACK);
    expect(box.right, label).toBeLessThanOrEqual(within.right * MM + SLACK);
    expect(box.bottom, label).toBeLessThanOrEqual(within.bottom * MM + SLACK);
  }
  for (const word of pageWords(bytes)[0]!.filter((w) => w.text !== CODE)) {
    const box = emBox(word);
    const overlaps = box.xMin < zone.right && box.xMax > zone.left && box.yMin < zone.bottom && box.yMax > zone.top;
    expect(overlaps, `${label}: "${word.text}" in the code's quiet zone`).toBe(false);
  }
}

function expectInside(bytes: Uint8Array, frame: Frame, label: string) {
  const pages = pageWords(bytes);
  expect(pages.length).toBeGreaterThan(0);
  pages.forEach((words, index) => {
    expect(words.length, `${label} p${index + 1} has text`).toBeGreaterThan(0);
    for (const word of words) {
      const isPageNumber = /^(—|\d+)$/.test(word.text) && !outside(word, PAGE_NUMBER_ZONE);
      expect(
        isPageNumber || !outside(word, frame),
        `${label} p${index + 1}: "${word.text}" at x ${(word.xMin / MM).toFixed(1)}–` +
          `${(word.xMax / MM).toFixed(1)} mm,` +
          ` y ${(word.yMin / MM).toFixed(1)}–${(word.yMax / MM).toFixed(1)} mm`,
      ).toBe(true);
    }
  });
}

const record = (name: string, changes: Record<string, unknown>) => validateRecord({ ...exampleJson(name), ...changes });

const authority = (name: string) => ({ name, code: '内公奖', sealText: name });

/** One record per document kind, with every printed field at the longest the schema allows. */
function longestRecords(authorityName: string) {
  const awardees = [
    ...MONGOLIAN_NAMES.map((name) => ({ name, unit: UNIT_30, award: '追记个人一等功' })),
    { name: UNIT_MAX, unit: UNIT_MAX, award: filled('集体二等功', TEXT_LIMITS.name) },
  ];
  return [
    record('merit-zhang-peng', {
      authority: authority(authorityName),
      recipient: { ...(exampleJson('merit-zhang-peng').recipient as object), name: NAME_MAX },
      deed: filled('在新冠肺炎疫情防控工作中坚守一线、表现突出', TEXT_LIMITS.deed),
    }),
    record('commendation-order-2020-12', {
      authority: authority(authorityName),
      documentNumber: undefined,
      title: LINE_MAX,
      addressee: LINE_MAX,
      preamble: [PARAGRAPH_MAX, PARAGRAPH_MAX],
      decision: PARAGRAPH_MAX,
      awardees,
      closing: [PARAGRAPH_MAX],
      signatory: { title: filled('厅长', TEXT_LIMITS.name), name: NAME_MAX },
      colophon: {
        copyTo: Array.from({ length: TEXT_LIMITS.copyTo }, () => filled('公安部政治部', TEXT_LIMITS.name)),
        printedBy: LINE_MAX.slice(0, 24),
        printedOn: '2020-02-05',
      },
    }),
    record('praise-bulletin-2020-18', {
      authority: authority(authorityName),
      documentNumber: undefined,
      title: LINE_MAX,
      addressee: LINE_MAX,
      paragraphs: [PARAGRAPH_MAX],
      collectives: [LINE_MAX, UNIT_30],
      individuals: [...MONGOLIAN_NAMES.map((name) => ({ name, unit: UNIT_30 })), { name: NAME_MAX, unit: LINE_MAX }],
      closing: filled('特此通报', TEXT_LIMITS.name),
    }),
    record('telegram-condolence-he-jianhua', {
      authority: authority(authorityName),
      title: filled('唁电', TEXT_LIMITS.name),
      addressee: LINE_MAX,
      paragraphs: [PARAGRAPH_MAX, PARAGRAPH_MAX],
      closing: filled('肃此电达', TEXT_LIMITS.name),
      sender: authorityName,
    }),
  ];
}

/** Numbers as the pipeline gives them: the widest serial a year is likely to reach. */
const numbered = (r: ReturnType<typeof record>) =>
  'documentNumber' in r ? validateRecord({ ...r, documentNumber: '内公奖〔2020〕9999号' }) : r;

describe('the longest values a record may hold (typography.md §6, fit policy)', () => {
  for (const [label, authorityName] of [
    ['the maximum length', AUTHORITY_MAX],
    ['a realistic 23-character authority', AUTHORITY_23],
  ] as const) {
    it(`renders every document kind with ${label} in every field, nothing outside its frame`, async () => {
      for (const r of longestRecords(authorityName)) {
        for (const document of await renderRecordDocuments(numbered(r), DocumentEngine.shared(), () => MARK)) {
          const frame = document.kind === 'certificate' ? CERTIFICATE_FRAME : TEXT_AREA;
          expectInside(document.bytes, frame, `${r.kind} ${document.kind}`);
          await expectCodeInside(document.bytes, frame, `${r.kind} ${document.kind}`);
          // Nothing cut off: the authority and the longest name are all there.
          const text = compact(pdfText(document.bytes));
          expect(text, document.kind).toContain(authorityName.slice(0, 12));
          expect(text, document.kind).toContain(authorityName.slice(-12));
        }
      }
    }, 120_000);
  }

  it('renders the statistics bulletin for a 40-character authority inside the text area', async () => {
    const records = ['merit-zhang-peng', 'commendation-order-2020-12'].map((name) => validateRecord(exampleJson(name)));
    const figures = compileFigures(records, '2020-03-05T00:00:00Z');
    const { bytes } = await DocumentEngine.shared().render(
      'statistics-bulletin',
      statisticsBulletinView(figures, { name: AUTHORITY_MAX }, '内公奖〔2020〕9999号', MARK),
    );
    expectInside(bytes, TEXT_AREA, 'statistics bulletin');
    await expectCodeInside(bytes, TEXT_AREA, 'statistics bulletin');
  });
});

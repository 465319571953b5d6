import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AwardRecord, LEAGUES_AND_CITIES, REGIONS } from '../../functions/core/records/index.js';
import { compileFigures } from '../../functions/core/statistics/compileFigures.js';
import { summarySentence } from '../../functions/core/statistics/summarySentence.js';
import { pdfText } from '../support/poppler.js';
import { collectiveRecipient, individualRecipient } from '../core/statistics/exampleRecords.js';
import { SeededRandom } from '../core/statistics/seededRandom.js';
import { SEED_CUTOFF, SEED_SENTENCE, seedRecords } from '../core/statistics/seedRecords.js';

const dir = mkdtempSync(join(tmpdir(), 'bulletin-'));
const recordsFile = join(dir, 'records.jsonl');
const records = seedRecords();

function writeRecords(name: string, lines: readonly object[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.map((line) => JSON.stringify(line)).join('\n'));
  return path;
}

/** The script's exit code and output, whether it succeeded or not. */
async function run(files: readonly string[], out: string, extra: readonly string[] = []) {
  const args = [
    'scripts/bulletin.ts',
    ...files.flatMap((file) => ['--records', file]),
    '--cutoff',
    SEED_CUTOFF,
    '--out',
    out,
    ...extra,
  ];
  return promisify(execFile)(join('node_modules', '.bin', 'tsx'), args, { encoding: 'utf8' }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}

/** A bulletin run that wrote its PDF and JSON (exit code 0, or 1 with invalid records left out). */
async function bulletin(out: string, files: readonly string[] = [recordsFile], extra: readonly string[] = []) {
  const { code, stdout, stderr } = await run(files, out, extra);
  if (code > 1) throw new Error(`npm run bulletin exited with ${code}: ${stderr}`);
  const base = join(
    out,
    'bulletins',
    `${new Date(SEED_CUTOFF)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '')}`,
  );
  return {
    code,
    stdout,
    stderr,
    pdf: readFileSync(`${base}.pdf`),
    json: JSON.parse(readFileSync(`${base}.json`, 'utf8')) as unknown,
  };
}

let first: Awaited<ReturnType<typeof bulletin>>;

beforeAll(async () => {
  writeRecords('records.jsonl', records);
  first = await bulletin(join(dir, 'a'));
}, 120_000);

describe('npm run bulletin', () => {
  it('prints the seed sentence for records whose totals are the seed figures', () => {
    expect(first.stdout.trim()).toBe(SEED_SENTENCE);
  });

  it('writes the same figures as JSON, and a bulletin that states them in the sentence and the table', () => {
    expect(first.json).toEqual(JSON.parse(JSON.stringify(compileFigures(records, SEED_CUTOFF))));
    const text = pdfText(first.pdf).replace(/\s+/g, '');
    expect(text).toContain(SEED_SENTENCE);
    expect(text).toContain('特此通报。');
    const table = pdfText(first.pdf, '-layout');
    const figures = compileFigures(records, SEED_CUTOFF);
    const row = (name: string, f: typeof figures.region) =>
      new RegExp(
        `${name}\\s+${f.merit.total}\\s+${f.commendation.total}\\s+${f.deliveries}\\s+` +
          `${f.commendationOrders}\\s+${f.telegrams}\\s+${f.praise.bulletins}\\s`,
      );
    expect(table).toMatch(row('全区合计', figures.region));
    for (const league of LEAGUES_AND_CITIES) expect(table, league).toMatch(row(league, figures.byLeague[league]));
  });

  it('leaves the 文号 line under the red mark empty: made from files, the bulletin has no number', () => {
    const lines = pdfText(first.pdf)
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    expect(lines.slice(0, 2)).toEqual(['内蒙古自治区公安厅', '内蒙古自治区公安厅关于']);
    expect(pdfText(first.pdf).replace(/\s+/g, '')).toContain(
      '现将截至2020年4月1日0时全区公安机关战时表彰奖励工作情况通报如下。',
    );
  });

  it('prints the 文号 given with --document-number under the red mark, and keeps it in the JSON', async () => {
    const numbered = await bulletin(join(dir, 'numbered'), [recordsFile], ['--document-number', '内公奖〔2020〕13号']);
    const lines = pdfText(numbered.pdf)
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    expect(lines.slice(0, 3)).toEqual(['内蒙古自治区公安厅', '内公奖〔2020〕13号', '内蒙古自治区公安厅关于']);
    expect(numbered.json).toEqual({
      ...JSON.parse(JSON.stringify(compileFigures(records, SEED_CUTOFF))),
      documentNumber: '内公奖〔2020〕13号',
    });
  }, 120_000);

  it('refuses a --document-number that is no 文号, or of another year than the cut-off', async () => {
    const bad = await run([recordsFile], join(dir, 'bad'), ['--document-number', '内公奖2020-13']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('error: --document-number "内公奖2020-13" is not a 文号 like 内公奖〔2020〕13号\n');
    const otherYear = await run([recordsFile], join(dir, 'other-year'), ['--document-number', '内公奖〔2019〕13号']);
    expect(otherYear.code).toBe(2);
    expect(otherYear.stderr).toBe(
      'error: --document-number "内公奖〔2019〕13号" is of 2019, but the cut-off falls in 2020 (Beijing time)\n',
    );
  }, 60_000);

  it('answers a cut-off at 24:00, or without an offset, with one line, not a stack trace', async () => {
    // The later --cutoff overrides the seed's.
    const midnight = await run([recordsFile], join(dir, 'midnight'), ['--cutoff', '2020-03-05T24:00:00+08:00']);
    expect(midnight.code).toBe(2);
    expect(midnight.stderr).toBe(
      'error: --cutoff "2020-03-05T24:00:00+08:00" is not an ISO 8601 date-time with an offset ' +
        '(e.g. 2020-03-05T08:00:00+08:00); for the end of a day write the next day at 00:00\n',
    );
    const local = await run([recordsFile], join(dir, 'local'), ['--cutoff', '2020-03-05T08:00:00']);
    expect(local.code).toBe(2);
    expect(local.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('compiles the same bytes again for the same cut-off', async () => {
    const second = await bulletin(join(dir, 'b'));
    expect(second.pdf.equals(first.pdf)).toBe(true);
  }, 120_000);
});

describe('npm run bulletin on an export of the table’s history', () => {
  // The table as it is now: every third seed record corrected once or twice.
  const latest: AwardRecord[] = records.map((record, i) =>
    i % 3 === 0 ? { ...record, version: 2 + (i % 2) } : record,
  );
  /** An earlier version, counted differently were it to count: another 盟市, the other kind of recipient. */
  const earlier = (record: AwardRecord, version: number): object => {
    const changed = {
      ...record,
      version,
      region: REGIONS[(REGIONS.indexOf(record.region) + version) % REGIONS.length]!,
    };
    if ('recipient' in record)
      Object.assign(changed, {
        recipient: record.recipient.type === 'individual' ? collectiveRecipient : individualRecipient,
      });
    // A first version may not say its version at all: it is version 1.
    if (version === 1 && record.id.endsWith('0')) delete (changed as { version?: number }).version;
    return changed;
  };
  const earlierVersions = latest.flatMap((record) =>
    Array.from({ length: record.version - 1 }, (_, i) => earlier(record, i + 1)),
  );
  const history = [...latest, ...earlierVersions];
  const shuffled = (seed: number) => {
    const random = new SeededRandom(seed);
    const lines = [...history];
    for (let i = lines.length - 1; i > 0; i -= 1) {
      const j = random.int(i + 1);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    }
    return lines;
  };
  const orders: Record<string, string[]> = {
    'earlier versions appended': [writeRecords('appended.jsonl', history)],
    reversed: [writeRecords('reversed.jsonl', [...history].reverse())],
    'seeded shuffle 1': [writeRecords('shuffle-1.jsonl', shuffled(1))],
    // Versions of one award may also be spread over several files.
    'seeded shuffle 20200310, over two files': (() => {
      const lines = shuffled(20200310);
      return [
        writeRecords('shuffle-2a.jsonl', lines.slice(0, 1000)),
        writeRecords('shuffle-2b.jsonl', lines.slice(1000)),
      ];
    })(),
  };
  let ofLatest: Awaited<ReturnType<typeof bulletin>>;
  const ofHistory = new Map<string, Awaited<ReturnType<typeof bulletin>>>();

  beforeAll(async () => {
    // Enough earlier versions that the two-file split puts versions of one award in both files.
    expect(earlierVersions.length).toBeGreaterThan(1000);
    const runs = await Promise.all([
      bulletin(join(dir, 'latest'), [writeRecords('latest.jsonl', latest)]),
      ...Object.values(orders).map((files, i) => bulletin(join(dir, `history-${i}`), files)),
    ]);
    ofLatest = runs[0]!;
    for (const [i, name] of Object.keys(orders).entries()) ofHistory.set(name, runs[i + 1]!);
  }, 180_000);

  it('counts a file of the latest versions as the seed', () => {
    expect(ofLatest.code).toBe(0);
    expect(ofLatest.stdout.trim()).toBe(SEED_SENTENCE);
  });

  it.each(Object.keys(orders))('gives the same sentence and figures with the earlier versions added, %s', (name) => {
    const run = ofHistory.get(name)!;
    expect(run.stderr).not.toContain('error:');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(ofLatest.stdout);
    expect(run.json).toEqual(ofLatest.json);
  });

  it('reports an invalid latest version and counts nothing of its award, as the kept figures do', async () => {
    const award = latest.find(
      (record) => record.kind === 'merit' && record.status === 'APPROVED' && record.version === 2,
    )!;
    const broken = { ...award, version: 3, recipient: undefined };
    const file = writeRecords('broken-latest.jsonl', [...history, broken]);
    const result = await bulletin(join(dir, 'broken'), [file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: broken-latest.jsonl:${history.length + 1}: `);
    expect(result.stderr.match(/^error:/gm)).toHaveLength(1);
    const without = compileFigures(
      latest.filter((record) => record.id !== award.id),
      SEED_CUTOFF,
    );
    expect(result.stdout.trim()).toBe(summarySentence(without.region));
    expect(result.stdout.trim()).not.toBe(SEED_SENTENCE);
  }, 120_000);

  it('refuses one version with two contents, naming the award, the version and both lines', async () => {
    const award = latest[3]!;
    const file = writeRecords('conflict.jsonl', [
      ...history,
      { ...award, region: award.region === '兴安盟' ? '包头市' : '兴安盟' },
    ]);
    const result = await run([file], join(dir, 'conflict'));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      `error: record ${award.id} version ${award.version} appears twice with different content, ` +
        `in conflict.jsonl:4 and conflict.jsonl:${history.length + 1}`,
    );
  }, 60_000);
});

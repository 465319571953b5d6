import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { LEAGUES_AND_CITIES } from '../../functions/core/records/index.js';
import { compileFigures } from '../../functions/core/statistics/compileFigures.js';
import { pdfText } from '../support/poppler.js';
import { SEED_CUTOFF, SEED_SENTENCE, seedRecords } from '../core/statistics/seedRecords.js';

const dir = mkdtempSync(join(tmpdir(), 'bulletin-'));
const recordsFile = join(dir, 'records.jsonl');
const records = seedRecords();

async function bulletin(out: string) {
  const { stdout } = await promisify(execFile)(join('node_modules', '.bin', 'tsx'), ['scripts/bulletin.ts', '--records', recordsFile, '--cutoff', SEED_CUTOFF, '--out', out], {
    encoding: 'utf8',
  });
  const base = join(out, 'bulletins', `${new Date(SEED_CUTOFF).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`);
  return { stdout, pdf: readFileSync(`${base}.pdf`), json: JSON.parse(readFileSync(`${base}.json`, 'utf8')) as unknown };
}

let first: Awaited<ReturnType<typeof bulletin>>;

beforeAll(async () => {
  writeFileSync(recordsFile, records.map((record) => JSON.stringify(record)).join('\n'));
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
      new RegExp(`${name}\\s+${f.merit.total}\\s+${f.commendation.total}\\s+${f.deliveries}\\s+${f.commendationOrders}\\s+${f.telegrams}\\s+${f.praise.bulletins}\\s`);
    expect(table).toMatch(row('全区合计', figures.region));
    for (const league of LEAGUES_AND_CITIES) expect(table, league).toMatch(row(league, figures.byLeague[league]));
  });

  it('compiles the same bytes again for the same cut-off', async () => {
    const second = await bulletin(join(dir, 'b'));
    expect(second.pdf.equals(first.pdf)).toBe(true);
  }, 120_000);
});

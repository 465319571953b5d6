import { decider } from '../../support/deciders.js';
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { AwardWorkflow } from '../../../functions/core/award/AwardWorkflow.js';
import { DocumentEngine } from '../../../functions/core/engine/DocumentEngine.js';
import { LayoutOverflowError } from '../../../functions/core/errors.js';
import type { HeldNumbers } from '../../../functions/core/numbering/HeldNumbers.js';
import { RenderPipeline } from '../../../functions/core/pipeline/RenderPipeline.js';
import { compileKeptBulletin } from '../../../functions/core/statistics/compileKeptBulletin.js';
import { bulletinKey } from '../../../functions/definitions/documentsBucket.js';
import { exampleJson } from '../../support/examples.js';
import { InMemoryAwardStore } from '../../support/InMemoryAwardStore.js';
import { InMemoryBulletinArchive } from '../../support/InMemoryBulletinArchive.js';
import { InMemoryDocuments } from '../../support/InMemoryDocuments.js';
import { InMemoryHeldNumbers } from '../../support/InMemoryHeldNumbers.js';
import { meetingAtGive } from '../../support/meetingAtGive.js';
import { pausedAfterRead } from '../../support/pausedAfterRead.js';
import { pdfText } from '../../support/poppler.js';
import { readOfd } from '../../support/ofdPackage.js';

const AUTHORITY = { name: '内蒙古自治区公安厅', code: '内公奖' };
/** 8 o'clock on 5 March 2020, Beijing time. */
const CUTOFF = '2020-03-05T00:00:00Z';
const HOLDER = 'bulletin/2020-03-05T00:00:00Z';

/** A deployment's ports in memory: one award store whose sequences the bulletin numbers from too. */
function setup(numbersOf: (numbers: InMemoryHeldNumbers) => HeldNumbers = (numbers) => numbers) {
  const awards = new InMemoryAwardStore();
  const held = new InMemoryHeldNumbers(awards);
  const archive = new InMemoryBulletinArchive();
  const deps = {
    figures: { read: async () => new Map() },
    archive,
    engine: DocumentEngine.shared(),
    numbers: numbersOf(held),
    authority: AUTHORITY,
  };
  return { awards, held, archive, deps };
}

/** The PDF's first lines as a reader sees them: the red mark, the line under it, the title. */
const headLines = (bytes: Uint8Array) =>
  pdfText(bytes)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 4);

describe('compileKeptBulletin numbers its bulletin', () => {
  it('with the next number of the own authority’s sequence under the red mark, the cut-off in the body', async () => {
    const { awards, held, archive, deps } = setup();
    awards.counters.set('内公奖#2020', 12);
    const bulletin = await compileKeptBulletin(CUTOFF, deps);
    expect(bulletin).toMatchObject({ documentNumber: '内公奖〔2020〕13号', compiled: true });
    expect(held.held).toEqual(new Map([[HOLDER, '内公奖〔2020〕13号']]));
    expect(awards.claims.get('内公奖#2020#13')).toBe(HOLDER);
    const pdf = archive.pdfs.get(bulletinKey(CUTOFF, 'pdf'))!;
    expect(headLines(pdf)).toEqual([
      '内蒙古自治区公安厅',
      '内公奖〔2020〕13号',
      '内蒙古自治区公安厅关于',
      '全区公安机关战时表彰奖励工作情况的通报',
    ]);
    expect(pdfText(pdf).replace(/\s+/g, '')).toContain(
      '现将截至2020年3月5日8时全区公安机关战时表彰奖励工作情况通报如下。',
    );
    expect(pdfText(pdf)).not.toMatch(/^\s*截至2020年3月5日8时\s*$/m);
    // The archive keeps the number with the figures, and gives both back.
    expect(await archive.get(CUTOFF)).toMatchObject({ cutoff: CUTOFF, documentNumber: '内公奖〔2020〕13号' });
  });

  it('archives its OFD beside the PDF, the same text, with both hashes kept with the figures', async () => {
    const { archive, deps } = setup();
    await compileKeptBulletin(CUTOFF, deps);
    const pdf = archive.pdfs.get(bulletinKey(CUTOFF, 'pdf'))!;
    const ofd = archive.ofds.get(bulletinKey(CUTOFF, 'ofd'))!;
    const read = readOfd(ofd);
    const text = read.pages.flatMap((page) => page.texts.map((unit) => unit.text)).join('');
    expect(text.replace(/\s+/g, '')).toBe(pdfText(pdf, '-raw').replace(/\s+/g, ''));
    expect(read.customData).toMatchObject({ documentKind: 'statistics-bulletin', documentNumber: '内公奖〔2020〕1号' });
    const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    expect(await archive.get(CUTOFF)).toMatchObject({ sha256: sha256(pdf), ofdSha256: sha256(ofd) });
  });

  it('in the year of its cut-off in Beijing time', async () => {
    const { deps } = setup();
    // 31 December 2020 17:00 UTC is 1 January 2021 1:00 in Beijing.
    const bulletin = await compileKeptBulletin('2020-12-31T17:00:00Z', deps);
    expect(bulletin.documentNumber).toBe('内公奖〔2021〕1号');
  });

  it('once per cut-off: a run that finds the bulletin archived gives its number and takes none', async () => {
    const { awards, deps } = setup();
    const first = await compileKeptBulletin(CUTOFF, deps);
    // Written another way, the same instant is the same bulletin.
    const again = await compileKeptBulletin('2020-03-05T08:00:00+08:00', deps);
    expect(again).toEqual({ figures: first.figures, documentNumber: '内公奖〔2020〕1号', compiled: false });
    expect(awards.counters.get('内公奖#2020')).toBe(1);
  });

  it('once when two runs for one cut-off race, both having read that it has no number', async () => {
    const { awards, held, archive, deps } = setup((numbers) => meetingAtGive(numbers, 2));
    const [a, b] = await Promise.all([compileKeptBulletin(CUTOFF, deps), compileKeptBulletin(CUTOFF, deps)]);
    expect((deps.numbers as ReturnType<typeof meetingAtGive>).gives).toEqual([`${HOLDER} 1`, `${HOLDER} 1`]);
    expect(a.documentNumber).toBe('内公奖〔2020〕1号');
    expect(b.documentNumber).toBe('内公奖〔2020〕1号');
    expect(awards.counters.get('内公奖#2020')).toBe(1);
    expect([...awards.claims.keys()]).toEqual(['内公奖#2020#1']);
    expect(held.held.size).toBe(1);
    expect((await archive.get(CUTOFF))?.documentNumber).toBe('内公奖〔2020〕1号');
  });

  it('once when a run read that it has no number just before another run numbered it', async () => {
    const { awards, deps } = setup();
    const late = pausedAfterRead(deps.numbers);
    const first = compileKeptBulletin(CUTOFF, { ...deps, numbers: late.numbers });
    await late.hasRead;
    const second = await compileKeptBulletin(CUTOFF, deps);
    late.resume();
    // The late run finds serial 2 free, but its holder numbered: it prints the other run's number.
    expect((await first).documentNumber).toBe(second.documentNumber);
    expect(second.documentNumber).toBe('内公奖〔2020〕1号');
    expect(awards.counters.get('内公奖#2020')).toBe(1);
  });

  it('once across a crash between numbering and storing: the retry prints the number the first run took', async () => {
    const { awards, archive, deps } = setup();
    archive.failingPuts = 1;
    await expect(compileKeptBulletin(CUTOFF, deps)).rejects.toThrow('the function was stopped');
    expect(await archive.get(CUTOFF)).toBeUndefined();
    expect(awards.counters.get('内公奖#2020')).toBe(1);
    const retried = await compileKeptBulletin(CUTOFF, deps);
    expect(retried).toMatchObject({ documentNumber: '内公奖〔2020〕1号', compiled: true });
    expect(awards.counters.get('内公奖#2020')).toBe(1);
    expect(headLines(archive.pdfs.get(bulletinKey(CUTOFF, 'pdf'))!)[1]).toBe('内公奖〔2020〕1号');
  });

  it('with the serial after one another document took between its read and its write', async () => {
    const other = 'bulletin/elsewhere';
    const { awards, held, deps } = setup((numbers) => ({
      numberOf: (holder) => numbers.numberOf(holder),
      nextSerial: (code, year) => numbers.nextSerial(code, year),
      async give(holder, place) {
        // The first time, another document takes the same serial just before this write.
        if (!held.held.has(other)) await numbers.give(other, place);
        return numbers.give(holder, place);
      },
    }));
    const bulletin = await compileKeptBulletin(CUTOFF, deps);
    expect(bulletin.documentNumber).toBe('内公奖〔2020〕2号');
    expect(held.held.get(other)).toBe('内公奖〔2020〕1号');
    expect(awards.counters.get('内公奖#2020')).toBe(2);
  });

  it('in the sequence its praise bulletins take theirs from: one numbered next gets the next serial', async () => {
    const { awards, deps } = setup();
    await compileKeptBulletin(CUTOFF, deps);
    const workflow = new AwardWorkflow(awards);
    await workflow.submit(exampleJson('praise-bulletin-2020-18'), decider('录入员'));
    const approved = await workflow.approve('praise-bulletin-2020-18', decider('审核专班'));
    const quiet = { info() {}, warn() {}, error() {} };
    const pipeline = new RenderPipeline({
      awards,
      documents: new InMemoryDocuments(),
      log: quiet,
      metrics: { count: () => {} },
    });
    expect(await pipeline.process(approved)).toMatchObject({ action: 'rendered' });
    expect((await awards.get('praise-bulletin-2020-18'))!.record.documentNumber).toBe('内公奖〔2020〕2号');
    expect(awards.claims.get('内公奖#2020#1')).toBe(HOLDER);
  });

  it('drawn once, after numbering: a bulletin that fails to draw keeps its number for the retry', async () => {
    const { awards, held, archive, deps } = setup();
    const tooLong = { ...AUTHORITY, name: '内蒙古自治区公安厅新冠肺炎疫情防控工作领导小组'.repeat(3) };
    const renders = vi.spyOn(deps.engine, 'render');
    await expect(compileKeptBulletin(CUTOFF, { ...deps, authority: tooLong })).rejects.toBeInstanceOf(
      LayoutOverflowError,
    );
    expect(renders).toHaveBeenCalledTimes(1);
    expect([...awards.counters.values()]).toEqual([1]);
    expect(held.held.size).toBe(1);
    expect(archive.json.size).toBe(0);
    // Once the deployment is mended, the retried run archives the bulletin under that same number.
    const mended = await compileKeptBulletin(CUTOFF, deps);
    expect(mended.documentNumber).toBe('内公奖〔2020〕1号');
    expect([...awards.counters.values()]).toEqual([1]);
    expect(renders).toHaveBeenCalledTimes(2);
    renders.mockRestore();
  });

  it('and is refused, naming the setting, when the deployment gives no authority code', async () => {
    const { awards, archive, deps } = setup();
    for (const code of ['', '  ']) {
      await expect(compileKeptBulletin(CUTOFF, { ...deps, authority: { ...AUTHORITY, code } })).rejects.toThrow(
        'statistics bulletin: no authority code to number it with: set authorityCode in cdk.json ' +
          '(the bulletin function reads it as AUTHORITY_CODE)',
      );
    }
    expect(awards.counters.size).toBe(0);
    expect(archive.json.size).toBe(0);
  });
});

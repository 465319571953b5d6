import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../functions/core/links/AuditTrail.js';
import { checkAuditChain, GENESIS, sha256 } from '../../local/auditChain.js';
import { FileAuditTrail } from '../../local/FileAuditTrail.js';

const entry = (recordId: string): AuditEntry => ({
  at: '2020-03-02T00:00:00.000Z',
  action: 'link-issued',
  subject: 'clerk-ordos',
  recordId,
  key: `awards/${recordId}/certificate-v1.pdf`,
  status: 200,
});

/** A trail in a folder of its own, with what it says on stderr kept. */
function trail() {
  const path = join(mkdtempSync(join(tmpdir(), 'audit-')), 'audit.jsonl');
  const warnings: string[] = [];
  return { path, warnings, audit: new FileAuditTrail(path, (message) => warnings.push(message)) };
}

const linesOf = (path: string) => readFileSync(path, 'utf8').trim().split('\n');
const parsedLines = (path: string) => linesOf(path).map((line) => JSON.parse(line) as Record<string, unknown>);

describe('FileAuditTrail', () => {
  it('chains each line to the one before by its SHA-256, the first to the genesis value', async () => {
    const { path, audit } = trail();
    await audit.open();
    for (const id of ['a', 'b', 'c']) await audit.record(entry(id));
    const lines = linesOf(path);
    expect(lines.map((line) => JSON.parse(line).prev)).toEqual([GENESIS, sha256(lines[0]!), sha256(lines[1]!)]);
    expect(checkAuditChain(readFileSync(path)).breaks).toEqual([]);
  });

  it('takes lines another writer appended on the chain (the approver’s tool) as no break', async () => {
    const { path, audit, warnings } = trail();
    await audit.open();
    await audit.record(entry('a'));
    // A second trail on the same file, as the approver's tool in its own process writes a decision.
    await new FileAuditTrail(path, (message) => warnings.push(message)).record(entry('b'));
    await audit.record(entry('c'));
    expect(warnings).toEqual([]);
    expect(parsedLines(path).map((line) => line.recordId)).toEqual(['a', 'b', 'c']);
    expect(checkAuditChain(readFileSync(path)).breaks).toEqual([]);
  });

  it('writes the file for its owner alone', async () => {
    const { path, audit } = trail();
    await audit.record(entry('a'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['truncated', (path: string) => truncateSync(path, 0), /the file shrank from \d+ to 0 bytes/],
    ['deleted', (path: string) => rmSync(path), /the file was deleted \(it had \d+ bytes\)/],
    [
      'cut to its first line',
      (path: string) => writeFileSync(path, `${linesOf(path)[0]}\n`),
      /the file shrank from \d+ to \d+ bytes/,
    ],
    [
      'replaced by a file of the same size',
      (path: string) => writeFileSync(path, readFileSync(path, 'utf8').replace('"b"', '"x"')),
      /the file was replaced \(its last line is not the line written last\)/,
    ],
    [
      'appended to by another writer, off the chain',
      (path: string) => appendFileSync(path, '{"action":"link-issued"}\n'),
      /the file grew from \d+ to \d+ bytes by lines that do not continue its chain/,
    ],
  ])('notices a trail %s before it appends, says so in one line and records the break', async (_, tamper, found) => {
    const { path, audit, warnings } = trail();
    await audit.open();
    for (const id of ['a', 'b']) await audit.record(entry(id));
    tamper(path);
    await audit.record(entry('c'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(found);
    expect(warnings[0]).toContain(path);
    const lines = parsedLines(path);
    const [broken, after] = lines.slice(-2);
    expect(broken).toMatchObject({ action: 'chain-broken', found: expect.stringMatching(found), prev: GENESIS });
    expect(after).toMatchObject({ recordId: 'c', prev: sha256(linesOf(path).at(-2)!) });
    // The break is recorded: the trail as it now is reads as a sound chain, and nothing more is said.
    expect(checkAuditChain(readFileSync(path)).breaks).toEqual([]);
    await audit.record(entry('d'));
    expect(warnings).toHaveLength(1);
  });

  it('checks the chain when opened, records a break once, and notices a later edit before the record', async () => {
    const { path, audit, warnings } = trail();
    for (const id of ['a', 'b', 'c', 'd']) await audit.record(entry(id));
    // An edit while the stack was down: line 3 no longer follows line 2.
    writeFileSync(path, readFileSync(path, 'utf8').replace('"recordId":"b"', '"recordId":"x"'));
    const reopened = new FileAuditTrail(path, (message) => warnings.push(message));
    await reopened.open();
    expect(warnings).toEqual([
      `audit trail ${path}: its hash chain is broken (line 3 does not follow line 2); a new chain starts`,
    ]);
    expect(parsedLines(path).at(-1)).toMatchObject({ action: 'chain-broken', found: 'line 3 does not follow line 2' });

    await new FileAuditTrail(path, (message) => warnings.push(message)).open();
    expect(warnings).toHaveLength(1);

    // An edit before the recorded break is found again: what it acknowledged has changed.
    writeFileSync(path, readFileSync(path, 'utf8').replace('"recordId":"a"', '"recordId":"y"'));
    await new FileAuditTrail(path, (message) => warnings.push(message)).open();
    expect(warnings[1]).toContain('line 2 does not follow line 1');
  });

  it('ends a line cut short before it records the break, so every line stays one JSON line', async () => {
    const { path, audit, warnings } = trail();
    for (const id of ['a', 'b']) await audit.record(entry(id));
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.length - 10));
    await new FileAuditTrail(path, (message) => warnings.push(message)).open();
    expect(warnings[0]).toContain('line 2 is not a JSON line; line 2 is cut short (it has no line end)');
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[2]!)).toMatchObject({ action: 'chain-broken' });
  });

  it('records a trail written before the chain as one break', async () => {
    const { path, warnings } = trail();
    writeFileSync(path, `${JSON.stringify(entry('a'))}\n${JSON.stringify(entry('b'))}\n`);
    const audit = new FileAuditTrail(path, (message) => warnings.push(message));
    await audit.open();
    expect(warnings).toEqual([
      `audit trail ${path}: its hash chain is broken (line 1 does not start a chain; line 2 does not follow line 1); ` +
        'a new chain starts',
    ]);
    // The award's lines are still shown, with the break among them.
    const { lines, unrecordedBreaks } = await audit.trailFor('a');
    expect(lines.map((line) => line.action)).toEqual(['link-issued', 'chain-broken']);
    expect(unrecordedBreaks).toEqual([]);
  });
});

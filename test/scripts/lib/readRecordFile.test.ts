import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecordFile } from '../../../scripts/lib/readRecordFile.js';

const dir = mkdtempSync(join(tmpdir(), 'record-files-'));
const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('readRecordFile', () => {
  it('refuses bytes that are not UTF-8, naming the file, the byte offset and the line', () => {
    // 张鹏 with the second character's last byte missing: a lenient reader stores 张\uFFFD.
    const file = join(dir, 'records.jsonl');
    const first = utf8('{"id":"a"}\n');
    const second = Buffer.concat([utf8('{"name":"张'), Buffer.from([0xe9, 0xb9]), utf8('"}\n')]);
    writeFileSync(file, Buffer.concat([first, second]));
    const offset = first.length + utf8('{"name":"张').length;
    expect(() => readRecordFile(file)).toThrow(
      new SyntaxError(`records.jsonl: not valid UTF-8 at byte ${offset} (line 2, byte 0xE9)`),
    );
  });

  it('reads well-formed UTF-8 as before', () => {
    const file = join(dir, 'record.json');
    writeFileSync(file, utf8('{"name":"张鹏"}'));
    expect(readRecordFile(file)).toEqual([{ source: 'record.json', value: { name: '张鹏' } }]);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RECORD_KINDS, validateRecord } from '../../../functions/core/records/index.js';

const examplesDir = new URL('../../../examples/', import.meta.url);
const exampleFiles = readdirSync(examplesDir).filter((file) => file.endsWith('.json'));

function readExample(file: string): unknown {
  return JSON.parse(readFileSync(new URL(file, examplesDir), 'utf8'));
}

describe('examples', () => {
  it.each(exampleFiles)('%s is a valid record named after its id', (file) => {
    const record = validateRecord(readExample(file));
    expect(`${record.id}.json`).toBe(file);
  });

  it('cover every kind of record', () => {
    const kinds = new Set(exampleFiles.map((file) => validateRecord(readExample(file)).kind));
    expect([...kinds].sort()).toEqual([...RECORD_KINDS].sort());
  });

  it('refer only to records that exist', () => {
    const ids = new Set(exampleFiles.map((file) => file.replace(/\.json$/, '')));
    for (const file of exampleFiles) {
      const record = validateRecord(readExample(file));
      if (record.kind === 'telegram' && record.regardingRecordId !== undefined) {
        expect(ids, `${file} regardingRecordId`).toContain(record.regardingRecordId);
      }
    }
  });
});

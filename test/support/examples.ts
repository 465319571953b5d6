import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AwardRecord, validateRecord } from '../../functions/core/records/index.js';

/** An example record from examples/, as JSON (to modify) or validated. */
export function exampleJson(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join('examples', `${name}.json`), 'utf8')) as Record<string, unknown>;
}

export function exampleRecord(name: string, changes: Record<string, unknown> = {}): AwardRecord {
  return validateRecord({ ...exampleJson(name), ...changes });
}

/** One example record of each kind of document a record makes. */
export const EXAMPLE_OF_KIND = {
  certificate: 'merit-zhang-peng',
  'commendation-order': 'commendation-order-2020-12',
  'praise-bulletin': 'praise-bulletin-2020-18',
  telegram: 'telegram-condolence-he-jianhua',
} as const;

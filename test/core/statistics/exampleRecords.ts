import { readFileSync } from 'node:fs';
import { validateRecord, type AwardRecord, type RecordKind } from '../../../functions/core/records/index.js';

type RecordOfKind<K extends RecordKind> = Extract<AwardRecord, { kind: K }>;

const examplesDir = new URL('../../../examples/', import.meta.url);

function example<K extends RecordKind>(file: string, kind: K): RecordOfKind<K> {
  const record = validateRecord(JSON.parse(readFileSync(new URL(`${file}.json`, examplesDir), 'utf8')));
  if (record.kind !== kind) throw new Error(`examples/${file}.json is a ${record.kind}, not a ${kind}`);
  return record as RecordOfKind<K>;
}

/** One example record per kind: test records are these with their ids and counted fields changed. */
export const examples = {
  merit: example('merit-zhang-peng', 'merit'),
  commendation: example('commendation-hulunjie-police-station', 'commendation'),
  honoraryTitle: example('honorary-title-he-jianhua', 'honorary-title'),
  commendationOrder: example('commendation-order-2020-12', 'commendation-order'),
  telegram: example('telegram-sympathy-sun-dejian', 'telegram'),
  praiseBulletin: example('praise-bulletin-2020-18', 'praise-bulletin'),
};

export const individualRecipient = examples.merit.recipient;
export const collectiveRecipient = examples.commendation.recipient;
export const praisedCollective = examples.praiseBulletin.collectives[0]!;
export const praisedIndividual = examples.praiseBulletin.individuals[0]!;

/** A time as records write it, in Beijing time with its offset. */
export function beijingTime(ms: number): string {
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

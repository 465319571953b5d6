/**
 * The statistics bulletin from files of records, without AWS:
 *   npm run bulletin -- --records <file.jsonl|file.json>... --cutoff <iso> [--since <iso>] [--out <dir>]
 *                       [--document-number 内公奖〔2020〕13号]
 * Prints the summary sentence and writes <out>/bulletins/<cut-off>.pdf and .json.
 * Made from files, the bulletin is outside the table's number sequences: it prints the 文号 given
 * with --document-number (of the cut-off's year, in Beijing time), or leaves that line empty.
 * The files may hold several versions of one record (an export of the table's history): only the
 * highest version of each id counts (version 1 when absent), as in the kept figures, in any order.
 * A version that appears twice with different content is refused (exit code 2), naming both lines.
 * Records that fail validation are reported one line each and left out; the exit code is then 1.
 * An invalid highest version is such a record: its id then counts nothing, as in the kept figures,
 * and its earlier versions are not checked, since they do not count either way.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { statisticsBulletinView } from '../functions/core/documents/statisticsBulletinView.js';
import { numberingYear, parseDocumentNumber } from '../functions/core/pipeline/documentNumber.js';
import { DocumentEngine } from '../functions/core/engine/DocumentEngine.js';
import { dateTime } from '../functions/core/records/fields.js';
import { type AwardRecord, validateRecord } from '../functions/core/records/index.js';
import { recordBaseShape } from '../functions/core/records/recordBaseShape.js';
import { compileFigures } from '../functions/core/statistics/compileFigures.js';
import { ConflictingVersionsError } from '../functions/core/statistics/ConflictingVersionsError.js';
import { latestVersions, type RecordVersion } from '../functions/core/statistics/latestVersions.js';
import { summarySentence } from '../functions/core/statistics/summarySentence.js';
import { bulletinKey } from '../functions/definitions/documentsBucket.js';
import { readRecordFile } from './lib/readRecordFile.js';

function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    records: { type: 'string', multiple: true },
    cutoff: { type: 'string' },
    since: { type: 'string' },
    out: { type: 'string', default: 'out' },
    authority: { type: 'string', default: '内蒙古自治区公安厅' },
    'document-number': { type: 'string' },
  },
});
const files = values.records ?? fail('--records <file.jsonl> is required');
const cutoff = values.cutoff ?? fail('--cutoff <ISO 8601 date-time> is required');
// The rule compileFigures applies, checked here so a bad date is one line, not a stack trace. Date.parse
// alone lets through what it refuses (T24:00, a time without offset).
const isDateTime = (text: string) => dateTime().safeParse(text).success;
if (!isDateTime(cutoff)) {
  // 24:00 is ISO 8601's end of day, but record times and cut-offs use 00:00–23:59.
  const hint = /T24:/.test(cutoff) ? '; for the end of a day write the next day at 00:00' : '';
  fail(`--cutoff "${cutoff}" is not an ISO 8601 date-time with an offset (e.g. 2020-03-05T08:00:00+08:00)${hint}`);
}
if (values.since !== undefined && !(isDateTime(values.since) && Date.parse(values.since) < Date.parse(cutoff))) {
  fail(`--since "${values.since}" must be an ISO 8601 date-time before the cut-off`);
}
const documentNumber = values['document-number'];
if (documentNumber !== undefined) {
  const place = parseDocumentNumber(documentNumber);
  if (place === undefined) fail(`--document-number "${documentNumber}" is not a 文号 like 内公奖〔2020〕13号`);
  if (place.year !== numberingYear(cutoff)) {
    fail(
      `--document-number "${documentNumber}" is of ${place.year}, ` +
        `but the cut-off falls in ${numberingYear(cutoff)} (Beijing time)`,
    );
  }
}

let invalid = 0;
function validOrReported(source: string, value: unknown): AwardRecord[] {
  try {
    return [validateRecord(value)];
  } catch (error) {
    invalid += 1;
    console.error(`error: ${source}: ${(error as Error).message}`);
    return [];
  }
}

/** Which record and version a line is (version 1 when absent), read before the rest of it is checked. */
const placeInHistory = z.looseObject({ id: recordBaseShape.id, version: recordBaseShape.version });
const versions: RecordVersion<object>[] = [];
for (const { source, value } of files.flatMap((file) => readRecordFile(file))) {
  const place = placeInHistory.safeParse(value);
  // A line with no readable id or version cannot be placed in a history: it is reported as invalid.
  if (!place.success) validOrReported(source, value);
  // The line with its version written out, so that a line without one equals its twin that says 1.
  else versions.push({ source, id: place.data.id, version: place.data.version, content: place.data });
}
let latest: RecordVersion<object>[];
try {
  latest = latestVersions(versions);
} catch (error) {
  if (error instanceof ConflictingVersionsError) fail(error.message);
  throw error;
}
const records = latest.flatMap(({ source, content }) => validOrReported(source, content));

const figures = compileFigures(records, cutoff, values.since);
console.log(summarySentence(figures.region));
const { bytes, pages } = await DocumentEngine.shared().render(
  'statistics-bulletin',
  statisticsBulletinView(figures, { name: values.authority }, documentNumber),
);
// As the archive keeps it: the figures, and the 文号 when there is one.
const archived = documentNumber === undefined ? figures : { ...figures, documentNumber };
for (const [extension, content] of [
  ['pdf', bytes],
  ['json', `${JSON.stringify(archived, null, 2)}\n`],
] as const) {
  const path = join(values.out, bulletinKey(cutoff, extension));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  const size = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
  const pageCount = extension === 'pdf' ? `\t${pages} page${pages === 1 ? '' : 's'}` : '';
  console.error(`${path}\t${size} bytes${pageCount}`);
}
process.exit(invalid > 0 ? 1 : 0);

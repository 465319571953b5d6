import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** One record as read from a file: its source (file, or file:line for JSON Lines) and its raw JSON. */
export interface RawRecord {
  readonly source: string;
  readonly value: unknown;
}

/**
 * Reads a .json file (one record) or a .jsonl file (one record a line). A JSON syntax error
 * names the file and line.
 */
export function readRecordFile(path: string): RawRecord[] {
  const text = readFileSync(path, 'utf8');
  const name = basename(path);
  const parse = (source: string, json: string): RawRecord => {
    try {
      return { source, value: JSON.parse(json) };
    } catch (error) {
      throw new SyntaxError(`${source}: not valid JSON (${(error as Error).message})`);
    }
  };
  if (!path.endsWith('.jsonl')) return [parse(name, text)];
  return text
    .split('\n')
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, index }) => parse(`${name}:${index + 1}`, line));
}

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { firstInvalidUtf8Byte } from './firstInvalidUtf8Byte.js';

/** One record as read from a file: its source (file, or file:line for JSON Lines) and its raw JSON. */
export interface RawRecord {
  readonly source: string;
  readonly value: unknown;
}

/**
 * Decodes a record file as UTF-8, refusing bytes that are not: a lenient decoder would store a
 * name with U+FFFD in it, which nobody could tell from the name meant.
 */
function decodeUtf8(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Byte(bytes) ?? 0;
    const line = bytes.subarray(0, offset).filter((byte) => byte === 0x0a).length + 1;
    const byte = bytes[offset]?.toString(16).toUpperCase().padStart(2, '0');
    throw new SyntaxError(`${name}: not valid UTF-8 at byte ${offset} (line ${line}, byte 0x${byte})`);
  }
}

/**
 * Reads a .json file (one record) or a .jsonl file (one record a line). Bytes that are not UTF-8
 * are refused with the file and their offset; a JSON syntax error names the file and line.
 */
export function readRecordFile(path: string): RawRecord[] {
  const name = basename(path);
  const text = decodeUtf8(readFileSync(path), name);
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

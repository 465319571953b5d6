import { createHash } from 'node:crypto';
import type { AuditEntry } from '../functions/core/links/AuditTrail.js';

/**
 * The local audit trail as a hash chain: each line carries in `prev` the SHA-256 of the line
 * before it (its bytes without the line end), the first line of a chain a fixed genesis value.
 * Deleting, cutting or editing lines then shows, wherever the next line is; a line that records
 * a break starts a new chain, and carries in `covers` the hash of every byte before it, so the
 * break it records is not reported again while those bytes stay as they were.
 */
export const GENESIS = '0'.repeat(64);

/** A line that records a break in the chain, and starts a new one. */
export interface ChainBreak {
  readonly at: string;
  readonly action: 'chain-broken';
  /** What was found, in words. */
  readonly found: string;
  /** SHA-256 of the file's bytes before this line. */
  readonly covers: string;
}

export type AuditLine = (AuditEntry | ChainBreak) & { readonly prev: string };

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

export interface ChainCheck {
  /** Breaks no later line records, each in words ("line 17 does not follow line 16"). */
  readonly breaks: string[];
  /** The hash of the last line, which the next line must carry (GENESIS for an empty file). */
  readonly lastHash: string;
  /** The last line's length in bytes, without its line end. */
  readonly lastLineBytes: number;
  /** Every line that could be read, in file order. */
  readonly lines: AuditLine[];
}

function parse(line: Buffer): Partial<AuditLine> | undefined {
  try {
    const value: unknown = JSON.parse(line.toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Partial<AuditLine>) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a whole trail and checks its chain. */
export function checkAuditChain(bytes: Buffer): ChainCheck {
  const lines: AuditLine[] = [];
  let breaks: string[] = [];
  let expected = GENESIS;
  let lastLineBytes = 0;
  let start = 0;
  for (let number = 1; start < bytes.length; number++) {
    const end = bytes.indexOf(0x0a, start);
    const line = bytes.subarray(start, end === -1 ? bytes.length : end);
    const parsed = parse(line);
    if (parsed?.action === 'chain-broken' && parsed.prev === GENESIS) {
      // A recorded break: what came before is acknowledged, as long as it is what was there then.
      if (parsed.covers === sha256(bytes.subarray(0, start))) breaks = [];
      else breaks.push(`line ${number} records a break, but the lines before it have changed since`);
    } else if (parsed === undefined) breaks.push(`line ${number} is not a JSON line`);
    else if (parsed.prev !== expected)
      breaks.push(number === 1 ? 'line 1 does not start a chain' : `line ${number} does not follow line ${number - 1}`);
    if (parsed !== undefined) lines.push(parsed as AuditLine);
    if (end === -1) breaks.push(`line ${number} is cut short (it has no line end)`);
    expected = sha256(line);
    lastLineBytes = line.length;
    start = end === -1 ? bytes.length : end + 1;
  }
  return { breaks, lastHash: expected, lastLineBytes, lines };
}

/** Breaks in words, on one line: the first few and how many more. */
export function describeBreaks(breaks: readonly string[]): string {
  const shown = breaks.slice(0, 3).join('; ');
  return breaks.length > 3 ? `${shown}; and ${breaks.length - 3} more` : shown;
}

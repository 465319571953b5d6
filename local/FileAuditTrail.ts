import { appendFile, mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AuditEntry, AuditTrail } from '../functions/core/links/AuditTrail.js';
import { type AuditLine, type ChainBreak, checkAuditChain, describeBreaks, GENESIS, sha256 } from './auditChain.js';

/** What this trail knows it wrote last: the file must still end so when the next line is appended. */
interface Written {
  readonly size: number;
  readonly lastHash: string;
  readonly lastLineBytes: number;
}

const missing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * The local stack's audit trail: one JSON line per entry, appended to a file under --data (mode
 * 0600), never rewritten, each line chained to the one before (see auditChain.ts). The chain is
 * checked when the trail is opened, and before each append the file must still be as this trail
 * left it; a break is said in one line on stderr and recorded by a line that starts a new chain.
 */
export class FileAuditTrail implements AuditTrail {
  private written: Written | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly warn: (message: string) => void = (message) => console.error(message),
  ) {}

  /** Checks the whole chain, recording any break no line records yet. */
  async open(): Promise<void> {
    await this.serially(() => this.checkAll());
  }

  async record(entry: AuditEntry): Promise<void> {
    await this.serially(async () => {
      if (this.written === undefined) await this.checkAll();
      else await this.checkTail(this.written);
      await this.append(entry);
    });
  }

  /** An award's lines, oldest first, with every recorded break among them, and the breaks none records. */
  async trailFor(recordId: string): Promise<{ lines: AuditLine[]; unrecordedBreaks: string[] }> {
    const { lines, breaks } = checkAuditChain(await this.read());
    const about = lines.filter((line) => line.action === 'chain-broken' || line.recordId === recordId);
    return { lines: about, unrecordedBreaks: breaks };
  }

  private serially(step: () => Promise<void>): Promise<void> {
    const done = this.queue.then(step);
    // A failed step fails its caller; the next one starts from what is on disk.
    this.queue = done.catch(() => {
      this.written = undefined;
    });
    return done;
  }

  private async read(): Promise<Buffer> {
    return readFile(this.path).catch((error: unknown) => {
      if (missing(error)) return Buffer.alloc(0);
      throw error;
    });
  }

  private async checkAll(): Promise<void> {
    const bytes = await this.read();
    const { breaks, lastHash, lastLineBytes } = checkAuditChain(bytes);
    this.written = { size: bytes.length, lastHash, lastLineBytes };
    if (breaks.length > 0) await this.recordBreak(bytes, describeBreaks(breaks));
  }

  /** The file must end with the line this trail wrote last: not shrunk, grown by others or replaced. */
  private async checkTail(written: Written): Promise<void> {
    const file = await open(this.path, 'r').catch((error: unknown) => {
      if (missing(error)) return undefined;
      throw error;
    });
    let found: string | undefined;
    try {
      const size = file === undefined ? 0 : (await file.stat()).size;
      if (file === undefined && written.size > 0) found = `the file was deleted (it had ${written.size} bytes)`;
      else if (size < written.size) found = `the file shrank from ${written.size} to ${size} bytes`;
      else if (size > written.size) found = await this.grownBy(written);
      else if (file !== undefined && size > 0) {
        const tail = Buffer.alloc(written.lastLineBytes + 1);
        await file.read(tail, 0, tail.length, size - tail.length);
        if (tail.at(-1) !== 0x0a || sha256(tail.subarray(0, -1)) !== written.lastHash)
          found = 'the file was replaced (its last line is not the line written last)';
      }
    } finally {
      await file?.close();
    }
    if (found !== undefined) await this.recordBreak(await this.read(), found);
  }

  /**
   * The file grew: lines another writer on the same data folder appended (the approver's tool
   * records its decisions here too) are welcome when they continue the chain from the line this
   * trail wrote last; anything else is a break, described.
   */
  private async grownBy(written: Written): Promise<string | undefined> {
    const bytes = await this.read();
    const ownLast = bytes.subarray(written.size - written.lastLineBytes - 1, written.size - 1);
    const { breaks, lastHash, lastLineBytes } = checkAuditChain(bytes);
    const continues = written.size === 0 || (bytes[written.size - 1] === 0x0a && sha256(ownLast) === written.lastHash);
    if (continues && breaks.length === 0) {
      this.written = { size: bytes.length, lastHash, lastLineBytes };
      return undefined;
    }
    return `the file grew from ${written.size} to ${bytes.length} bytes by lines that do not continue its chain`;
  }

  /** Says so in one line and starts a new chain with a line that records the break. */
  private async recordBreak(bytes: Buffer, found: string): Promise<void> {
    this.warn(`audit trail ${this.path}: its hash chain is broken (${found}); a new chain starts`);
    // A line cut short is ended first, so that the break's line stands on a line of its own.
    const ended = bytes.length > 0 && bytes.at(-1) !== 0x0a;
    if (ended) await appendFile(this.path, '\n', { mode: 0o600 });
    const before = ended ? Buffer.concat([bytes, Buffer.from('\n')]) : bytes;
    this.written = { size: before.length, lastHash: GENESIS, lastLineBytes: 0 };
    const line: ChainBreak = { at: new Date().toISOString(), action: 'chain-broken', found, covers: sha256(before) };
    await this.append(line);
  }

  private async append(entry: AuditEntry | ChainBreak): Promise<void> {
    const written = this.written!;
    const prev = entry.action === 'chain-broken' ? GENESIS : written.lastHash;
    const line = Buffer.from(JSON.stringify({ ...entry, prev }));
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    await appendFile(this.path, Buffer.concat([line, Buffer.from('\n')]), { mode: 0o600 });
    this.written = { size: written.size + line.length + 1, lastHash: sha256(line), lastLineBytes: line.length };
  }
}

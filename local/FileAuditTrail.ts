import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AuditEntry, AuditTrail } from '../functions/core/links/AuditTrail.js';

/** The local stack's audit trail: one JSON line per entry, appended to a file under --data, never rewritten. */
export class FileAuditTrail implements AuditTrail {
  constructor(readonly path: string) {}

  async record(entry: AuditEntry): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    await appendFile(this.path, `${JSON.stringify(entry)}\n`);
  }

  /** The entries about one award, oldest first. */
  async entriesFor(recordId: string): Promise<AuditEntry[]> {
    const text = await readFile(this.path, 'utf8').catch(() => '');
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as AuditEntry)
      .filter((entry) => entry.recordId === recordId);
  }
}

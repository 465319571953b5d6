import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { checkedSecret, type VerificationSecret } from '../functions/core/verification/VerificationSecret.js';

/**
 * The local stack's verification secret: 32 random bytes, hex, in a file of its data folder,
 * created once (readable by its owner alone) and kept across restarts and --fresh, so a local
 * deployment prints the same code for the same document as long as its folder lives.
 */
export class FileVerificationSecret implements VerificationSecret {
  private cached: Uint8Array | undefined;

  constructor(readonly path: string) {}

  async key(): Promise<Uint8Array> {
    this.cached ??= this.readOrCreate();
    return this.cached;
  }

  private readOrCreate(): Uint8Array {
    try {
      // 'wx': only when no file is there, so two stacks on one folder never write over each other's.
      writeFileSync(this.path, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const hex = readFileSync(this.path, 'utf8').trim();
    if (!/^[0-9a-f]+$/.test(hex))
      throw new Error(
        `verification secret ${this.path}: not hex (a new one would change every code, so it is not replaced)`,
      );
    return checkedSecret(Buffer.from(hex, 'hex'), this.path);
  }
}

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { LocalStackError } from './LocalStackError.js';

/** Where a stream consumer left a shard: resume at a record not yet done, after the last one done, or not at all. */
export type ShardPosition = { readonly at: string } | { readonly after: string } | { readonly finished: true };

/** The stream positions of one consumer, kept across restarts (as Lambda keeps an event source mapping's). */
export interface ShardPositions {
  load(): Map<string, ShardPosition>;
  save(positions: ReadonlyMap<string, ShardPosition>): void;
}

/**
 * Positions in a JSON file, replaced whole (written beside it, then renamed over it) so that a
 * crash mid-write leaves the previous positions, never half a file.
 */
export class FileShardPositions implements ShardPositions {
  constructor(private readonly path: string) {}

  load(): Map<string, ShardPosition> {
    if (!existsSync(this.path)) return new Map();
    try {
      return new Map(Object.entries(JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, ShardPosition>));
    } catch (error) {
      throw new LocalStackError(
        `stream positions in ${this.path} cannot be read: remove the file to read the stream again`,
        {
          cause: error,
        },
      );
    }
  }

  save(positions: ReadonlyMap<string, ShardPosition>): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const partial = `${this.path}.partial`;
    writeFileSync(partial, `${JSON.stringify(Object.fromEntries(positions), null, 2)}\n`);
    renameSync(partial, this.path);
  }
}

import { isDeepStrictEqual } from 'node:util';
import { ConflictingVersionsError } from './ConflictingVersionsError.js';

/** One version of a record as read from an input: where it was read, which record and version, and its content. */
export interface RecordVersion<T> {
  readonly source: string;
  readonly id: string;
  readonly version: number;
  readonly content: T;
}

/**
 * The highest version of each record id, whatever order the versions come in: the form the
 * kept figures count, so a corrected award counts once, as corrected. A version repeated with
 * the same content (overlapping exports) is one version; with different content it is refused,
 * even when a later version supersedes it, so that the answer never depends on the order.
 * Ids keep the order of their first appearance.
 */
export function latestVersions<T>(versions: readonly RecordVersion<T>[]): RecordVersion<T>[] {
  const byId = new Map<string, Map<number, RecordVersion<T>>>();
  for (const candidate of versions) {
    const known = byId.get(candidate.id) ?? new Map<number, RecordVersion<T>>();
    byId.set(candidate.id, known);
    const twin = known.get(candidate.version);
    if (twin === undefined) known.set(candidate.version, candidate);
    else if (!isDeepStrictEqual(twin.content, candidate.content)) {
      throw new ConflictingVersionsError(candidate.id, candidate.version, [twin.source, candidate.source]);
    }
  }
  return [...byId.values()].map((known) => known.get(Math.max(...known.keys()))!);
}

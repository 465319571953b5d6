/**
 * Two inputs hold the same version of one record with different content. An export of the
 * table's history never does (a correction always gets a new version), so the input is not one
 * table's history and no count of it can be trusted.
 */
export class ConflictingVersionsError extends Error {
  override name = 'ConflictingVersionsError';
  constructor(
    readonly id: string,
    readonly version: number,
    readonly sources: readonly [string, string],
  ) {
    super(
      `record ${id} version ${version} appears twice with different content, in ${sources[0]} and ${sources[1]}: ` +
        `an export of the table's history holds each version once; leave out the copy that is not from the table`,
    );
  }
}

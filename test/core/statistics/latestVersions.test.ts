import { describe, expect, it } from 'vitest';
import {
  ConflictingVersionsError,
  latestVersions,
  type RecordVersion,
} from '../../../functions/core/statistics/index.js';

const version = (
  id: string,
  n: number,
  content: Record<string, unknown> = {},
  source = `${id}-v${n}`,
): RecordVersion<Record<string, unknown>> => ({
  source,
  id,
  version: n,
  content: { id, version: n, ...content },
});

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('latestVersions', () => {
  it('keeps the highest version of each id, in whatever order the versions come', () => {
    const history = [
      version('a', 1),
      version('a', 3, { grade: 1 }),
      version('b', 1),
      version('a', 2),
      version('c', 2),
      version('c', 1),
    ];
    const expected = [version('a', 3, { grade: 1 }), version('b', 1), version('c', 2)];
    for (const order of [
      history,
      [...history].reverse(),
      [history[3]!, history[5]!, history[0]!, history[4]!, history[2]!, history[1]!],
    ]) {
      expect(latestVersions(order).sort((x, y) => x.id.localeCompare(y.id))).toEqual(expected);
    }
  });

  it('keeps ids in the order they first appear', () => {
    expect(
      latestVersions([version('b', 1), version('a', 1), version('b', 2)]).map((v) => `${v.id}-v${v.version}`),
    ).toEqual(['b-v2', 'a-v1']);
  });

  it('takes a version repeated with the same content (overlapping exports) once, wherever its keys are', () => {
    const twin = { source: 'second.jsonl:1', id: 'a', version: 1, content: { version: 1, id: 'a', region: '兴安盟' } };
    expect(latestVersions([version('a', 1, { region: '兴安盟' }), twin])).toEqual([
      version('a', 1, { region: '兴安盟' }),
    ]);
  });

  it('refuses one version with two contents, naming the id, the version and both sources, superseded or not', () => {
    const first = version('a', 1, { region: '兴安盟' }, 'old.jsonl:4');
    const second = version('a', 1, { region: '包头市' }, 'new.jsonl:9');
    for (const order of [
      [first, second],
      [first, version('a', 2), second],
      [version('a', 2), first, second],
    ]) {
      const error = thrownBy(() => latestVersions(order));
      expect(error).toBeInstanceOf(ConflictingVersionsError);
      expect(error).toMatchObject({ id: 'a', version: 1, sources: ['old.jsonl:4', 'new.jsonl:9'] });
      expect((error as Error).message).toMatch(
        /^record a version 1 appears twice with different content, in old\.jsonl:4 and new\.jsonl:9/,
      );
    }
  });
});

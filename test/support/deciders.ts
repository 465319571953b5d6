import type { Decider } from '../../functions/core/award/Award.js';

/** A signed-in identity for tests, named as the decision's author is shown. */
export const decider = (name: string): Decider => ({ sub: `test-${name}`, name });

/** Who submits and corrects records in tests, and when: what the pure transitions are given. */
export const CLERK = { by: decider('录入员'), at: new Date('2020-02-05T01:00:00Z') };

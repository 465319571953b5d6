import { describe, expect, it } from 'vitest';
import { emptyTally, RequestLedger } from '../../bench/pipeline/requestLedger.js';

describe('RequestLedger.countRenders', () => {
  it('counts renders inside the handler, passing every argument on (the OFD is asked for in the third)', async () => {
    const ledger = new RequestLedger();
    const seen: unknown[][] = [];
    const engine = {
      async render(kind: string, ...rest: unknown[]) {
        seen.push([kind, ...rest]);
        return kind;
      },
    };
    ledger.countRenders(engine as never);
    const handler = ledger.wrapHandler((async () => {
      await engine.render('certificate', { name: '张鹏' }, { ofd: { customData: [] } });
      return { batchItemFailures: [] };
    }) as never);
    ledger.tally = emptyTally();
    await handler({ Records: [] } as never);
    expect(seen).toEqual([['certificate', { name: '张鹏' }, { ofd: { customData: [] } }]]);
    expect(ledger.tally.renders.get('certificate')).toBe(1);
    // Outside the handler a render is not counted.
    await engine.render('telegram', {});
    expect(ledger.tally.renders.has('telegram')).toBe(false);
  });
});

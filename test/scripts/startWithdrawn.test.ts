import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../local/ports.js';
import { decider } from '../support/deciders.js';
import { exampleJson } from '../support/examples.js';
import { startStaffStack } from '../support/staffStack.js';

const id = 'merit-he-xia';

/** Waits until the pipeline has tagged the award's documents withdrawn. */
async function documentsWithdrawn(stack: Awaited<ReturnType<typeof startStaffStack>>): Promise<void> {
  for (let tries = 0; !(await stack.awards.get(id))?.documents.every((ref) => ref.withdrawn); tries += 1) {
    if (tries > 300) throw new Error(`the documents of ${id} were never withdrawn`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('npm start -- --once on data holding a revoked example', () => {
  it('lists its documents as withdrawn, copies none (the bucket refuses to read them) and exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'awards-start-withdrawn-'));
    const data = join(dir, 'data');
    const out = join(dir, 'out');
    // An earlier run approved the example, and it was revoked since.
    const earlier = await startStaffStack([exampleJson(id)], { dataDir: data });
    await earlier.approvals.revoke(id, '核查不实', decider('审核专班'));
    await documentsWithdrawn(earlier);
    await earlier.stop();

    const args = ['scripts/start.ts', '--once', '--data', data, '--out', out];
    for (const flag of ['--dynamodb-port', '--s3-port', '--api-port']) args.push(flag, String(await freePort()));
    const result = spawnSync(join('node_modules', '.bin', 'tsx'), args, { encoding: 'utf8', timeout: 150_000 });
    expect(result.status, result.stderr).toBe(0);
    const row = result.stdout.split('\n').find((line) => line.trim().startsWith(`${id} `));
    expect(
      row
        ?.trim()
        .split(/\s{2,}/)
        .slice(0, 3),
    ).toEqual([id, 'certificate v1', 'withdrawn']);
    expect(existsSync(join(out, 'awards', id))).toBe(false);
  }, 300_000);
});

import { decider } from './deciders.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '../../local/LocalStack.js';
import { freePort } from '../../local/ports.js';
import { waitForSettled } from '../../local/waitForSettled.js';

/**
 * A quiet local stack on free ports with the staff page and API, in which these records have
 * been submitted, approved and rendered: what every staff-facing test starts from.
 */
export async function startStaffStack(
  records: readonly Record<string, unknown>[],
  options: Partial<LocalStackOptions> = {},
): Promise<LocalStack> {
  const stack = await startLocalStack({
    dynamodbPort: await freePort(),
    s3Port: await freePort(),
    apiPort: await freePort(),
    dataDir: mkdtempSync(join(tmpdir(), 'staff-stack-')),
    logLevel: 'SILENT',
    ...options,
  });
  const ids = records.map((record) => String(record.id));
  for (const record of records) await stack.approvals.submit(record, decider('录入员'));
  for (const id of ids) await stack.approvals.approve(id, decider('审核专班'));
  await waitForSettled(stack.awards, ids);
  return stack;
}

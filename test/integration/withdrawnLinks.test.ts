import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/LocalStack.js';
import { decider } from '../support/deciders.js';
import { exampleJson } from '../support/examples.js';
import { startStaffStack } from '../support/staffStack.js';

let stack: LocalStack;
const id = 'merit-he-xia';
const ordos = { sub: 'clerk-ordos', 'custom:region': '鄂尔多斯市' };

beforeAll(async () => {
  stack = await startStaffStack([exampleJson(id)]);
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

/** Waits until the pipeline has tagged the award's documents withdrawn (it records them so after tagging). */
async function documentsWithdrawn(): Promise<void> {
  for (let tries = 0; !(await stack.awards.get(id))?.documents.every((ref) => ref.withdrawn); tries += 1) {
    if (tries > 300) throw new Error(`the documents of ${id} were never withdrawn`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a link handed out before a revocation', () => {
  it('stops downloading the PDF and the OFD once they are withdrawn, as in AWS', async () => {
    const answer = await fetch(`${stack.api!.url}/awards/${id}/documents`, {
      headers: { authorization: `Bearer ${stack.api!.token(ordos)}` },
    });
    const [document] = ((await answer.json()) as { documents: { url: string; ofd: { url: string } }[] }).documents;
    const links = [document!.url, document!.ofd.url];
    for (const link of links) expect((await fetch(link)).status, link).toBe(200);

    await stack.approvals.revoke(id, '核查不实', decider('审核专班'));
    await documentsWithdrawn();

    for (const link of links) {
      const again = await fetch(link);
      expect(again.status, link).toBe(403);
      expect(await again.text(), link).toContain('<Code>AccessDenied</Code>');
    }
  });
});

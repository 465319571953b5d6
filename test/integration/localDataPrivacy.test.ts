import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkAuditChain, GENESIS, sha256 } from '../../local/auditChain.js';
import { dataLayout, type LocalStack } from '../../local/LocalStack.js';
import { exampleJson } from '../support/examples.js';
import { startStaffStack } from '../support/staffStack.js';

const dataDir = join(mkdtempSync(join(tmpdir(), 'private-data-')), 'data');
const audit = dataLayout(dataDir).audit;
const warnings: string[] = [];
let stack: LocalStack;

/** An earlier run's trail, left readable by all, whose third line was edited while the stack was down. */
function writeTamperedTrail(): void {
  const line = (recordId: string, prev: string) =>
    JSON.stringify({ at: '2020-03-02T00:00:00.000Z', action: 'link-issued', recordId, status: 200, prev });
  const first = line('merit-he-xia', GENESIS);
  const second = line('merit-he-xia', sha256(first));
  const third = line('merit-he-xia', sha256(second)).replace('link-issued', 'link-refused');
  const edited = line('merit-he-xia', sha256(third.replace('link-refused', 'link-issued')));
  mkdirSync(dataDir, { mode: 0o755 });
  chmodSync(dataDir, 0o755);
  writeFileSync(audit, `${first}\n${second}\n${third}\n${edited}\n`, { mode: 0o644 });
  chmodSync(audit, 0o644);
}

/** Every folder and file under a folder, with its permission bits. */
function modesUnder(folder: string): Map<string, number> {
  const modes = new Map<string, number>([[folder, lstatSync(folder).mode & 0o777]]);
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    modes.set(path, lstatSync(path).mode & 0o777);
  }
  return modes;
}

const linesOf = () =>
  readFileSync(audit, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const askForDocuments = () =>
  fetch(`${stack.api!.url}/awards/merit-he-xia/documents`, {
    headers: { authorization: `Bearer ${stack.api!.token({ sub: 'clerk-ordos', 'custom:region': '鄂尔多斯市' })}` },
  });

beforeAll(async () => {
  writeTamperedTrail();
  vi.spyOn(console, 'error').mockImplementation((message: unknown) => {
    if (String(message).startsWith('audit trail')) warnings.push(String(message));
  });
  stack = await startStaffStack([exampleJson('merit-he-xia')], { dataDir });
}, 240_000);

afterAll(async () => {
  await stack?.stop();
  vi.restoreAllMocks();
});

describe('the local stack’s data folder', () => {
  it('checks the audit trail’s chain at start, says where it is broken and records the break', () => {
    expect(warnings).toEqual([
      `audit trail ${audit}: its hash chain is broken (line 4 does not follow line 3); a new chain starts`,
    ]);
    expect(linesOf()[4]).toMatchObject({
      action: 'chain-broken',
      found: 'line 4 does not follow line 3',
      prev: GENESIS,
    });
  });

  it('is its owner’s alone: folders 0700, files 0600, DynamoDB Local’s database and S3 objects too', async () => {
    expect((await askForDocuments()).status).toBe(200);
    const modes = modesUnder(dataDir);
    const paths = [...modes.keys()];
    // What the JVM and the S3 server made is there, so its mode was checked.
    expect(paths.some((path) => path.startsWith(join(dataDir, 'dynamodb')) && path.endsWith('.db'))).toBe(true);
    expect(paths.some((path) => path.endsWith('certificate-v1.pdf._S3rver_object'))).toBe(true);
    const open = [...modes].filter(([path, mode]) => mode !== (lstatSync(path).isDirectory() ? 0o700 : 0o600));
    expect(open.map(([path, mode]) => `${path} ${mode.toString(8)}`)).toEqual([]);
  });

  it('notices a trail truncated under it before the next line and starts a new chain recording it', async () => {
    const before = readFileSync(audit).length;
    truncateSync(audit, 0);
    expect((await askForDocuments()).status).toBe(200);
    expect(warnings[1]).toBe(
      `audit trail ${audit}: its hash chain is broken (the file shrank from ${before} to 0 bytes); a new chain starts`,
    );
    const [broken, ...after] = linesOf();
    expect(broken).toMatchObject({ action: 'chain-broken', found: `the file shrank from ${before} to 0 bytes` });
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((line) => line.action === 'link-issued')).toBe(true);
    expect(checkAuditChain(readFileSync(audit)).breaks).toEqual([]);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectTaggingCommand, HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../local/LocalStack.js';
import { freePort } from '../../local/ports.js';
import { waitForSettled } from '../../local/waitForSettled.js';
import { exampleJson } from '../support/examples.js';

let stack: LocalStack;
const dir = mkdtempSync(join(tmpdir(), 'awards-cli-'));

/** The approver's tool as a user runs it, pointed at a table the way a deployed one is: by environment. */
function awards(...args: string[]) {
  const result = spawnSync(join('node_modules', '.bin', 'tsx'), ['scripts/awards.ts', ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      AWARDS_TABLE_NAME: stack.info.tableName,
      AWS_ENDPOINT_URL_DYNAMODB: stack.info.dynamodbEndpoint,
      AWS_REGION: 'local',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
    },
  });
  const errors = result.stderr.split('\n').filter((line) => line.startsWith('error: '));
  const warnings = result.stderr.split('\n').filter((line) => line.startsWith('warning: '));
  return { status: result.status, stdout: result.stdout.trim(), errors, warnings };
}

/** Polls until the check answers something, for changes the pipeline makes in its own time. */
async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result !== undefined) return result;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  stack = await startLocalStack({
    dynamodbPort: await freePort(),
    s3Port: await freePort(),
    dataDir: dir,
    logLevel: 'SILENT',
    // stack.json under dir: `--local --data dir` finds this stack.
    announce: true,
  });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

describe('npm run awards', () => {
  it('imports, approves, records a delivery, corrects, revokes and shows a record', async () => {
    const file = join(dir, 'records.jsonl');
    writeFileSync(
      file,
      ['merit-zhang-peng', 'merit-he-xia'].map((name) => JSON.stringify(exampleJson(name))).join('\n'),
    );
    expect(awards('import', file)).toMatchObject({
      status: 0,
      stdout: 'submitted merit-zhang-peng (records.jsonl:1)\nsubmitted merit-he-xia (records.jsonl:2)',
    });
    expect(awards('approve', 'merit-zhang-peng', 'merit-he-xia', '--as', '审核专班')).toMatchObject({ status: 0 });
    await waitForSettled(stack.awards, ['merit-zhang-peng', 'merit-he-xia']);
    expect(
      awards('deliver', 'merit-zhang-peng', '--at', '2020-03-04T10:00:00+08:00', '--place', '小区检查点').status,
    ).toBe(0);
    const corrected = join(dir, 'corrected.json');
    writeFileSync(corrected, JSON.stringify({ ...exampleJson('merit-zhang-peng'), deed: '在疫情防控一线表现突出' }));
    expect(awards('correct', corrected)).toMatchObject({
      status: 0,
      stdout: 'corrected merit-zhang-peng: now version 2 (APPROVED)',
    });
    const [v2] = [...(await waitForSettled(stack.awards, ['merit-zhang-peng'])).values()];
    expect(v2!.documents.map((d) => d.key)).toEqual([
      'awards/merit-zhang-peng/certificate-v1.pdf',
      'awards/merit-zhang-peng/certificate-v2.pdf',
    ]);
    // The correction keeps the deliveries recorded before it.
    const before = (exampleJson('merit-zhang-peng').deliveries as unknown[]).length;
    expect(v2!.record.deliveries).toHaveLength(before + 1);
    expect(v2!.record.deliveries).toContainEqual({ at: '2020-03-04T10:00:00+08:00', place: '小区检查点' });
    expect(awards('revoke', 'merit-he-xia', '--reason', '核查不实', '--as', '审核专班')).toMatchObject({
      status: 0,
      stdout: 'revoked merit-he-xia',
    });
    // The documents stay, withdrawn: on the record and in an S3 tag.
    const withdrawn = await waitFor(async () => {
      const item = await stack.awards.get('merit-he-xia');
      return item && item.documents.length > 0 && item.documents.every((d) => d.withdrawn) ? item : undefined;
    });
    const key = withdrawn.documents[0]!.key;
    const tags = await stack.s3.client.send(new GetObjectTaggingCommand({ Bucket: stack.info.bucket, Key: key }));
    expect(tags.TagSet).toEqual([{ Key: 'withdrawn', Value: 'true' }]);
    // The object is kept, but nobody may read it any more.
    const listed = await stack.s3.client.send(new ListObjectsV2Command({ Bucket: stack.info.bucket, Prefix: key }));
    expect(listed.Contents?.map((object) => object.Key)).toEqual([key]);
    await expect(
      stack.s3.client.send(new HeadObjectCommand({ Bucket: stack.info.bucket, Key: key })),
    ).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
    const shown = JSON.parse(awards('show', 'merit-he-xia').stdout) as { status: string; approvedBy: string };
    expect(shown).toMatchObject({ status: 'REVOKED', approvedBy: '审核专班', revocationReason: '核查不实' });
  }, 120_000);

  it('shows an award’s audit lines from the local stack’s trail, and nothing of another award', async () => {
    const entry = {
      at: '2020-03-02T00:00:00.000Z',
      subject: 'clerk-ordos',
      key: 'awards/x/certificate-v1.pdf',
      status: 200,
    };
    await stack.audit.record({
      ...entry,
      action: 'link-issued',
      recordId: 'audited-award',
      expiresAt: '2020-03-02T00:15:00.000Z',
    });
    await stack.audit.record({
      ...entry,
      action: 'link-refused',
      recordId: 'audited-award',
      reason: 'the award is REVOKED',
    });
    await stack.audit.record({ ...entry, action: 'link-issued', recordId: 'another-award' });
    const shown = awards('--local', 'audit', 'audited-award', '--data', dir);
    expect(shown.status).toBe(0);
    expect(shown.stdout.split('\n').map((line) => JSON.parse(line).action)).toEqual(['link-issued', 'link-refused']);
    // A trail cut under the stack: the break is recorded before the next line, and shown with the award's lines.
    truncateSync(stack.audit.path, 0);
    await stack.audit.record({ ...entry, action: 'link-issued', recordId: 'audited-award' });
    const afterCut = awards('--local', 'audit', 'audited-award', '--data', dir);
    expect(afterCut.stdout.split('\n').map((line) => JSON.parse(line).action)).toEqual(['chain-broken', 'link-issued']);
    expect(JSON.parse(afterCut.stdout.split('\n')[0]!).found).toMatch(/^the file shrank from \d+ to 0 bytes$/);
    // A break not yet recorded (an edit while the stack is down) is a one-line warning.
    writeFileSync(stack.audit.path, readFileSync(stack.audit.path, 'utf8').replace('chain-broken', 'chain-brokeN'));
    const edited = awards('--local', 'audit', 'audited-award', '--data', dir);
    expect(edited.status).toBe(0);
    expect(edited.warnings).toEqual([
      `warning: ${join(dir, 'audit.jsonl')}: its hash chain is broken (line 2 does not follow line 1); ` +
        'lines may be missing or changed (the stack records this when it next starts or appends)',
    ]);
    expect(awards('audit', 'audited-award').errors).toEqual([
      'error: audit reads the local stack’s trail: pass --local (and --data if npm start had one)',
    ]);
  });

  it('answers bad input with one line and exit code 1', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ id: 'x1', kind: 'merit' }));
    // 张鹏 with 鹏's last byte lost: stored leniently, it would read 张\uFFFD.
    const json = JSON.stringify({ ...exampleJson('merit-zhang-peng'), id: 'not-utf8' });
    const cut = Buffer.from(json.slice(0, json.indexOf('鹏')));
    const notUtf8 = join(dir, 'not-utf8.json');
    writeFileSync(
      notUtf8,
      Buffer.concat([cut, Buffer.from([0xe9, 0xb9]), Buffer.from(json.slice(json.indexOf('鹏') + 1))]),
    );
    const cases: [string[], string][] = [
      [['import', bad], 'error: bad.json: record x1: authority: required'],
      [['import', notUtf8], `error: not-utf8.json: not valid UTF-8 at byte ${cut.length} (line 1, byte 0xE9)`],
      [
        ['approve', 'merit-he-xia', '--as', '审核专班'],
        'error: cannot approve award merit-he-xia: it is REVOKED, ' +
          'and only a SUBMITTED award can be; nothing was changed',
      ],
      [['approve', 'merit-he-xia'], 'error: approve needs --as <identity> (e.g. --as approver)'],
      [['approve', 'merit-he-xia', '--by', '审核专班'], 'error: --by is only the deliverer of a delivery'],
      [['import', join(dir, 'no-such-file.jsonl')], `error: ${join(dir, 'no-such-file.jsonl')}: no such file`],
      [
        ['deliver', 'merit-zhang-peng', '--at', 'yesterday', '--place', 'x'],
        'error: --at "yesterday" is not an ISO 8601 date-time',
      ],
      [
        ['deliver', 'merit-zhang-peng', '--at', '2020-03-04T10:00', '--place', 'x'],
        'error: cannot record a delivery of award merit-zhang-peng: at: must be an ISO 8601 date-time',
      ],
      [['show', 'no-such-record'], 'error: record no-such-record does not exist'],
      // Nothing of the refused file was stored.
      [['show', 'not-utf8'], 'error: record not-utf8 does not exist'],
      [['frobnicate'], 'error: unknown command "frobnicate"'],
    ];
    for (const [args, message] of cases) {
      const result = awards(...args);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.errors, args.join(' ')).toHaveLength(1);
      expect(result.errors[0], args.join(' ')).toContain(message);
    }
  }, 180_000);

  it('explains itself: --help lists the commands, help <command> one of them', () => {
    const help = awards('--help');
    expect(help.status).toBe(0);
    for (const command of ['import', 'approve', 'return', 'reject', 'revoke', 'deliver', 'correct', 'show', 'audit'])
      expect(help.stdout).toContain(`  ${command} `);
    const one = awards('help', 'return');
    expect(one.stdout).toMatch(/^usage: npm run awards -- return <id> --reason <text> --as <approver>/);
    expect(awards('help', 'frobnicate').errors).toEqual(['error: unknown command "frobnicate"; see --help']);
  });

  it('imports JSON Lines all or nothing, naming line and field, and skips lines imported unchanged', async () => {
    const lines = ['commendation-ce-ren', 'commendation-qiu-shuhua', 'commendation-sun-dejian'].map((name) =>
      exampleJson(name),
    );
    const broken = lines.map((record, index) =>
      index === 1 ? { ...record, recipient: { ...(record.recipient as object), name: '邱😀' } } : record,
    );
    const file = join(dir, 'batch.jsonl');
    writeFileSync(file, broken.map((record) => JSON.stringify(record)).join('\n'));
    const refused = awards('import', file);
    expect(refused.status).toBe(1);
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors[0]).toMatch(/^error: batch\.jsonl:2: cannot submit award commendation-qiu-shuhua: /);
    expect(refused.errors[0]).toContain('recipient.name');
    expect(refused.errors[0]).toContain('U+1F600');
    expect(refused.errors[0]).toMatch(/nothing was imported$/);
    for (const record of lines) expect(await stack.awards.get(String(record.id))).toBeUndefined();
    writeFileSync(file, lines.map((record) => JSON.stringify(record)).join('\n'));
    expect(awards('import', file)).toMatchObject({ status: 0 });
    for (const record of lines) expect((await stack.awards.get(String(record.id)))!.record.status).toBe('SUBMITTED');
    // The fixed file imported again: nothing new, nothing refused.
    const again = awards('import', file);
    expect(again.status).toBe(0);
    expect(again.stdout.split('\n').every((line) => line.startsWith('unchanged '))).toBe(true);
  }, 60_000);

  it('decides as a named local identity, recorded in the history and the audit trail', async () => {
    const local = (...args: string[]) => awards('--local', '--data', dir, ...args);
    const file = join(dir, 'yang-tao.json');
    writeFileSync(file, JSON.stringify(exampleJson('merit-yang-tao')));
    expect(local('import', file).status).toBe(0);
    expect(local('approve', 'merit-yang-tao', '--as', 'region-1').errors).toEqual([
      'error: region-1 is not an approver: approve needs --as approver or --as approver-region-<n>',
    ]);
    expect(local('return', 'merit-yang-tao', '--as', 'approver')).toMatchObject({
      status: 1,
      errors: ['error: return needs --reason <text>'],
    });
    expect(local('return', 'merit-yang-tao', '--reason', '事迹材料不全', '--as', 'approver')).toMatchObject({
      status: 0,
      stdout: 'returned merit-yang-tao for correction',
    });
    const corrected = join(dir, 'yang-tao-v2.json');
    writeFileSync(corrected, JSON.stringify({ ...exampleJson('merit-yang-tao'), deed: '在疫情防控一线表现突出' }));
    expect(local('correct', corrected)).toMatchObject({
      status: 0,
      stdout: 'corrected merit-yang-tao: now version 2 (SUBMITTED)',
    });
    expect(local('reject', 'merit-yang-tao', '--reason', '不符合表彰条件', '--as', 'approver')).toMatchObject({
      status: 0,
    });
    const shown = JSON.parse(local('show', 'merit-yang-tao').stdout) as {
      status: string;
      decisions: { action: string; by: { sub: string } }[];
    };
    expect(shown.status).toBe('REJECTED');
    expect(shown.decisions.map((decision) => [decision.action, decision.by.sub])).toEqual([
      ['submit', 'dev-department'],
      ['return', 'dev-approver'],
      ['correct', 'dev-department'],
      ['reject', 'dev-approver'],
    ]);
    // (An earlier test broke the trail's chain on purpose: its break lines are shown among these.)
    const trail = local('audit', 'merit-yang-tao')
      .stdout.split('\n')
      .map((line) => JSON.parse(line))
      .filter((line) => line.action !== 'chain-broken');
    expect(trail.map((line) => [line.action, line.decision])).toEqual([
      ['award-decided', 'submit'],
      ['award-decided', 'return'],
      ['award-decided', 'correct'],
      ['award-decided', 'reject'],
    ]);
  }, 60_000);

  it('finds the stack by --data, and says so in one line when it is not running', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'no-stack-'));
    expect(awards('--local', '--data', elsewhere, 'show', 'x').errors).toEqual([
      `error: no local stack is running on ${elsewhere} (${join(elsewhere, 'stack.json')} is missing): ` +
        'start one with npm start',
    ]);
    // A stack.json a crash left behind names a process that is gone.
    const gone = spawnSync('true').pid;
    writeFileSync(
      join(elsewhere, 'stack.json'),
      JSON.stringify({ ...stack.info, pid: gone, startedAt: '2026-12-01T08:00:00.000Z' }),
    );
    expect(awards('--local', '--data', elsewhere, 'show', 'x').errors).toEqual([
      'error: the local stack started on 2026-12-01T08:00:00.000Z is not running; start it with npm start',
    ]);
    expect(JSON.parse(awards('--local', '--data', dir, 'show', 'merit-he-xia').stdout).id).toBe('merit-he-xia');
  });
});

/**
 * The approver's tool, for the local stack (--local, the one started with the same --data) or a
 * deployed table (AWARDS_TABLE_NAME and the usual AWS environment). `npm run awards -- --help`
 * lists the commands; `npm run awards -- help <command>` explains one. Each change is written only
 * if the award is still as it was read: one that lost a race to another change is refused and
 * changes nothing. Every error is one line on stderr and exit code 1.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDbAwardStore } from '../functions/adapters/dynamodb/DynamoDbAwardStore.js';
import type { Award, Decider } from '../functions/core/award/Award.js';
import { AwardRefusal } from '../functions/core/award/AwardRefusal.js';
import { AwardWorkflow } from '../functions/core/award/AwardWorkflow.js';
import { decisionAuditEntry } from '../functions/core/award/decisionAuditEntry.js';
import { DraftDocuments } from '../functions/core/documents/renderDrafts.js';
import { RecordFault } from '../functions/core/errors.js';
import type { AuditTrail } from '../functions/core/links/AuditTrail.js';
import { RecordValidationError } from '../functions/core/records/index.js';
import { describeBreaks } from '../local/auditChain.js';
import { developmentIdentity } from '../local/developmentIdentities.js';
import { FileAuditTrail } from '../local/FileAuditTrail.js';
import { DEFAULT_DATA_DIR } from '../local/stackFile.js';
import { commandHelp, USAGE } from './lib/awardsHelp.js';
import { ownAuthority } from './lib/ownAuthority.js';
import { type RawRecord, readRecordFile } from './lib/readRecordFile.js';
import { connect, NoLocalStack } from './lib/stackConnection.js';

/** A refusal of the tool's own: printed as its one line. */
class UsageError extends Error {}

const fail = (message: string): never => {
  throw new UsageError(message);
};

/** The decisions an identity makes through this tool: only approvers decide. */
const DECISIONS = new Set(['approve', 'return', 'reject', 'revoke']);

/**
 * Who acts: locally a development identity by its id (--as approver, --as approver-region-3,
 * --as department); against a deployed table an operator named by --as, recorded as such (in AWS,
 * approvers decide in the staff page, signed in).
 */
function actingIdentity(command: string, as: string | undefined, local: boolean): { by: Decider; scope?: string } {
  const decides = DECISIONS.has(command);
  const id = as ?? (decides ? fail(`${command} needs --as <identity> (e.g. --as approver)`) : 'department');
  if (!local) return { by: { sub: `aws-cli:${id}`, name: id } };
  const identity = developmentIdentity(id) ?? fail(`--as "${id}" is not a development identity (see help)`);
  const groups = (identity.claims['cognito:groups'] as string[] | undefined) ?? [];
  if (decides && !groups.includes('approvers'))
    fail(`${id} is not an approver: ${command} needs --as approver or --as approver-region-<n>`);
  const region = identity.claims['custom:region'];
  return {
    by: { sub: String(identity.claims.sub), name: String(identity.claims.name) },
    scope: groups.includes('department') ? 'department' : String(region),
  };
}

/** Records read from files: every line of every file, or one line naming the file and what is wrong. */
function recordsOf(files: readonly string[]): RawRecord[] {
  return files.flatMap((file) => {
    if (!existsSync(file)) fail(`${file}: no such file`);
    return readRecordFile(file);
  });
}

async function main(argv: readonly string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      local: { type: 'boolean', default: false },
      as: { type: 'string' },
      by: { type: 'string' },
      reason: { type: 'string' },
      at: { type: 'string' },
      place: { type: 'string' },
      data: { type: 'string', default: DEFAULT_DATA_DIR },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...args] = positionals;
  if (values.help || command === undefined || command === 'help') {
    const topic = command === 'help' ? args[0] : command;
    console.log(topic === undefined ? USAGE : (commandHelp(topic) ?? fail(`unknown command "${topic}"; see --help`)));
    return;
  }
  if (commandHelp(command) === undefined) fail(`unknown command "${command}"; see --help`);
  const one = () => args[0] ?? fail(`${command} needs a record id`);
  const trail = values.local ? new FileAuditTrail(join(values.data, 'audit.jsonl')) : undefined;
  if (command === 'audit') {
    // The deployed trail is the stack's audit log group (README: the audit trail).
    if (!trail) fail('audit reads the local stack’s trail: pass --local (and --data if npm start had one)');
    const path = join(values.data, 'audit.jsonl');
    const { lines, unrecordedBreaks } = await trail!.trailFor(one());
    // Breaks are shown among the award's lines: lines about it may have been lost at any of them.
    if (lines.every((line) => line.action === 'chain-broken'))
      console.error(`no audit lines for ${one()} in ${values.data}`);
    for (const line of lines) console.log(JSON.stringify(line));
    if (unrecordedBreaks.length > 0)
      console.error(
        `warning: ${path}: its hash chain is broken (${describeBreaks(unrecordedBreaks)}); ` +
          'lines may be missing or changed (the stack records this when it next starts or appends)',
      );
    return;
  }
  if (command !== 'deliver' && values.by !== undefined)
    fail('--by is only the deliverer of a delivery; who acts is --as <identity>');
  const { by, scope } = actingIdentity(command, values.as, values.local);
  const { client, tableName } = connect({ local: values.local, dataDir: values.data });
  const workflow = new AwardWorkflow(
    new DynamoDbAwardStore(client, tableName),
    undefined,
    new DraftDocuments({ ownAuthority: ownAuthority() }),
  );
  const audited = (award: Award) => audit(trail, award, scope);
  const reason = () => values.reason ?? fail(`${command} needs --reason <text>`);

  switch (command) {
    case 'import': {
      if (args.length === 0) fail('import needs a .json or .jsonl file');
      // Every record is checked (contract, drafts drawn, id free or holding the same record) before any is written.
      const records = recordsOf(args);
      const checked = [];
      for (const { source, value } of records) {
        try {
          checked.push({ source, ...(await workflow.checkSubmission(value, by)) });
        } catch (error) {
          throw new UsageError(`${source}: ${(error as Error).message}; nothing was imported`);
        }
      }
      for (const { source, award, unchanged } of checked) {
        if (unchanged) {
          console.log(`unchanged ${award.record.id} (${source}): imported already`);
          continue;
        }
        await workflow.create(award);
        await audited(award);
        console.log(`submitted ${award.record.id} (${source})`);
      }
      break;
    }
    case 'approve': {
      if (args.length === 0) fail('approve needs record ids');
      // The list is approved as a whole: checked and drawn first, then written in one conditioned write.
      for (const award of await workflow.approveAll(args, by)) {
        await audited(award);
        console.log(`approved ${award.record.id}`);
      }
      break;
    }
    case 'return': {
      const award = await workflow.returnForCorrection(one(), reason(), by);
      await audited(award);
      console.log(`returned ${award.record.id} for correction`);
      break;
    }
    case 'reject': {
      const award = await workflow.reject(one(), reason(), by);
      await audited(award);
      console.log(`rejected ${award.record.id}`);
      break;
    }
    case 'revoke': {
      const award = await workflow.revoke(one(), reason(), by);
      await audited(award);
      console.log(`revoked ${award.record.id}`);
      break;
    }
    case 'deliver': {
      const id = one();
      const at = values.at ?? fail('deliver needs --at <ISO 8601 date-time>');
      if (Number.isNaN(Date.parse(at)) || !/T\d{2}:\d{2}/.test(at))
        fail(`--at "${at}" is not an ISO 8601 date-time (e.g. 2020-03-04T10:00:00+08:00)`);
      const place = values.place ?? fail('deliver needs --place <text>');
      await audited(await workflow.deliver(id, { at, place, ...(values.by ? { by: values.by } : {}) }, by));
      console.log(`recorded a delivery of ${id}`);
      break;
    }
    case 'correct': {
      if (args.length !== 1) fail('correct needs one .json file');
      for (const { source, value } of recordsOf(args)) {
        // What `show` adds beside the record is not the corrector's to give.
        const {
          revision: _r,
          documents: _d,
          rendering: _p,
          decisions: _h,
          ...record
        } = value as Record<string, unknown>;
        if (typeof record.id !== 'string') fail(`${source}: the record has no id`);
        const award = await workflow.correct({ ...record, id: record.id as string }, by);
        await audited(award);
        console.log(`corrected ${award.record.id}: now version ${award.record.version} (${award.record.status})`);
      }
      break;
    }
    case 'show': {
      const id = one();
      const award = (await workflow.get(id)) ?? fail(`record ${id} does not exist`);
      // The record as it can be corrected, with where the pipeline stands and the history beside it.
      const { record, revision, documents, rendering, decisions } = award;
      console.log(JSON.stringify({ ...record, revision, documents, rendering, decisions }, null, 2));
      break;
    }
  }
}

/** Each decision is one line of the local audit trail (a deployed table's operator has CloudTrail's record). */
async function audit(trail: AuditTrail | undefined, award: Award, scope: string | undefined): Promise<void> {
  await trail?.record(decisionAuditEntry(award, scope));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known =
    error instanceof UsageError ||
    error instanceof NoLocalStack ||
    error instanceof AwardRefusal ||
    error instanceof RecordFault ||
    error instanceof RecordValidationError ||
    error instanceof SyntaxError ||
    (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ||
    (error as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE';
  const message = (error as Error).message.replace(/\s*\n\s*/g, ' ');
  console.error(`error: ${known ? message : `${(error as Error).name}: ${message}`}`);
  process.exit(1);
});

/**
 * The approver's tool, for the local stack (--local) or a deployed table (AWARDS_TABLE_NAME and
 * the usual AWS environment):
 *   npm run awards -- import <file.json|file.jsonl>     submit records (status SUBMITTED)
 *   npm run awards -- approve <id>... --by <name>       approve, as one list: their documents follow
 *   npm run awards -- revoke <id> --reason <text>       revoke: documents stay, marked withdrawn
 *   npm run awards -- deliver <id> --at <iso> --place <text> [--by <name>]
 *   npm run awards -- correct <file.json>               a corrected record: a new document version
 *   npm run awards -- show <id>
 *   npm run awards -- --local audit <id> [--data .local]  every link handed out or refused for it,
 *                                                        and every break in the trail's hash chain
 * Each change is written only if the award is still as it was read: one that lost a race to
 * another change is refused and changes nothing. Bad input prints one line and exits 1.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDbAwardStore } from '../functions/adapters/dynamodb/DynamoDbAwardStore.js';
import { AwardRefusal } from '../functions/core/award/AwardRefusal.js';
import { AwardWorkflow } from '../functions/core/award/AwardWorkflow.js';
import { RecordFault } from '../functions/core/errors.js';
import { describeBreaks } from '../local/auditChain.js';
import { FileAuditTrail } from '../local/FileAuditTrail.js';
import { readRecordFile } from './lib/readRecordFile.js';
import { connect } from './lib/stackConnection.js';

const USAGE =
  'usage: npm run awards -- <import|approve|revoke|deliver|correct|show|audit> … [--local] (see scripts/awards.ts)';

function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      local: { type: 'boolean', default: false },
      by: { type: 'string' },
      reason: { type: 'string' },
      at: { type: 'string' },
      place: { type: 'string' },
      data: { type: 'string', default: '.local' },
    },
  });
  const [command, ...args] = positionals;
  if (command === undefined) fail(USAGE);
  const one = () => args[0] ?? fail(`${command} needs a record id`);
  if (command === 'audit') {
    // The deployed trail is the stack's audit log group (README: the audit trail).
    if (!values.local) fail('audit reads the local stack’s trail: pass --local (and --data if npm start had one)');
    const path = join(values.data, 'audit.jsonl');
    const { lines, unrecordedBreaks } = await new FileAuditTrail(path).trailFor(one());
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
  const { client, tableName } = connect(values.local);
  const workflow = new AwardWorkflow(new DynamoDbAwardStore(client, tableName));

  switch (command) {
    case 'import': {
      if (args.length === 0) fail('import needs a .json or .jsonl file');
      for (const file of args) {
        for (const { source, value } of readRecordFile(file)) {
          const award = await workflow.submit(value);
          console.log(`submitted ${award.record.id} (${source})`);
        }
      }
      break;
    }
    case 'approve': {
      if (args.length === 0) fail('approve needs record ids');
      const by = values.by ?? fail('approve needs --by <approver name>');
      // The list is approved as a whole: checked first, then written a hundred awards at a time.
      for (const award of await workflow.approveAll(args, by)) console.log(`approved ${award.record.id}`);
      break;
    }
    case 'revoke': {
      const id = one();
      await workflow.revoke(id, values.reason ?? fail('revoke needs --reason <text>'));
      console.log(`revoked ${id}`);
      break;
    }
    case 'deliver': {
      const id = one();
      const at = values.at ?? fail('deliver needs --at <ISO 8601 date-time>');
      if (Number.isNaN(Date.parse(at)) || !/T\d{2}:\d{2}/.test(at))
        fail(`--at "${at}" is not an ISO 8601 date-time (e.g. 2020-03-04T10:00:00+08:00)`);
      const place = values.place ?? fail('deliver needs --place <text>');
      await workflow.deliver(id, { at, place, ...(values.by ? { by: values.by } : {}) });
      console.log(`recorded a delivery of ${id}`);
      break;
    }
    case 'correct': {
      const [file] = args;
      if (file === undefined) fail('correct needs a .json file');
      for (const { source, value } of readRecordFile(file)) {
        // What `show` adds beside the record is not the corrector's to give.
        const { revision: _r, documents: _d, rendering: _p, ...record } = value as Record<string, unknown>;
        if (typeof record.id !== 'string') fail(`${source}: the record has no id`);
        const id = record.id;
        const award = await workflow.correct({ ...record, id });
        console.log(`corrected ${id}: now version ${award.record.version}`);
      }
      break;
    }
    case 'show': {
      const id = one();
      const award = await workflow.get(id);
      if (!award) fail(`record ${id} does not exist`);
      // The record as it can be corrected, with where the pipeline stands beside it.
      const { record, revision, documents, rendering } = award;
      console.log(JSON.stringify({ ...record, revision, documents, rendering }, null, 2));
      break;
    }
    default:
      fail(`unknown command "${command}"; ${USAGE}`);
  }
}

main().catch((error: unknown) => {
  const known = error instanceof AwardRefusal || error instanceof RecordFault || error instanceof SyntaxError;
  fail(known ? (error as Error).message : `${(error as Error).name}: ${(error as Error).message}`);
});

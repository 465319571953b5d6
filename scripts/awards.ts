/**
 * The approver's tool, for the local stack (--local) or a deployed table (AWARDS_TABLE_NAME and
 * the usual AWS environment):
 *   npm run awards -- import <file.json|file.jsonl>     submit records (status SUBMITTED)
 *   npm run awards -- approve <id>... --by <name>       approve: their documents follow
 *   npm run awards -- revoke <id> --reason <text>       revoke: documents stay, marked withdrawn
 *   npm run awards -- deliver <id> --at <iso> --place <text> [--by <name>]
 *   npm run awards -- correct <file.json>               a corrected record: a new document version
 *   npm run awards -- show <id>
 * Bad input prints one line and exits 1.
 */
import { parseArgs } from 'node:util';
import { ApprovalError, DynamoDbApprovals } from '../functions/adapters/dynamodb/DynamoDbApprovals.js';
import { asSubmitted } from '../functions/core/pipeline/asSubmitted.js';
import { validateRecord } from '../functions/core/records/index.js';
import { readRecordFile } from './lib/readRecordFile.js';
import { connect } from './lib/stackConnection.js';

const USAGE = 'usage: npm run awards -- <import|approve|revoke|deliver|correct|show> … [--local] (see scripts/awards.ts)';

function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { local: { type: 'boolean', default: false }, by: { type: 'string' }, reason: { type: 'string' }, at: { type: 'string' }, place: { type: 'string' } },
  });
  const [command, ...args] = positionals;
  if (command === undefined) fail(USAGE);
  const { client, tableName } = connect(values.local);
  const approvals = new DynamoDbApprovals(client, tableName);
  const one = () => args[0] ?? fail(`${command} needs a record id`);

  switch (command) {
    case 'import': {
      if (args.length === 0) fail('import needs a .json or .jsonl file');
      for (const file of args) {
        for (const { source, value } of readRecordFile(file)) {
          const record = asSubmitted(value);
          await approvals.submit(record);
          console.log(`submitted ${record.id} (${source})`);
        }
      }
      break;
    }
    case 'approve': {
      if (args.length === 0) fail('approve needs record ids');
      const by = values.by ?? fail('approve needs --by <approver name>');
      for (const id of args) {
        await approvals.approve(id, by);
        console.log(`approved ${id}`);
      }
      break;
    }
    case 'revoke': {
      const id = one();
      await approvals.revoke(id, values.reason ?? fail('revoke needs --reason <text>'));
      console.log(`revoked ${id}`);
      break;
    }
    case 'deliver': {
      const id = one();
      const at = values.at ?? fail('deliver needs --at <ISO 8601 date-time>');
      if (Number.isNaN(Date.parse(at)) || !/T\d{2}:\d{2}/.test(at)) fail(`--at "${at}" is not an ISO 8601 date-time (e.g. 2020-03-04T10:00:00+08:00)`);
      const place = values.place ?? fail('deliver needs --place <text>');
      await approvals.deliver(id, { at, place, ...(values.by ? { by: values.by } : {}) });
      console.log(`recorded a delivery of ${id}`);
      break;
    }
    case 'correct': {
      const [file] = args;
      if (file === undefined) fail('correct needs a .json file');
      for (const { value } of readRecordFile(file)) {
        const current = await approvals.get((value as { id?: string }).id ?? fail(`${file}: the record has no id`));
        if (!current) fail(`record ${(value as { id: string }).id} does not exist`);
        // Validated as it will be stored: with the approval it already has.
        const record = validateRecord({ ...(value as object), status: current.status, approvedAt: current.approvedAt, approvedBy: current.approvedBy, revokedAt: current.revokedAt, revocationReason: current.revocationReason });
        console.log(`corrected ${record.id}: now version ${await approvals.correct(record)}`);
      }
      break;
    }
    case 'show': {
      const id = one();
      const item = await approvals.get(id);
      if (!item) fail(`record ${id} does not exist`);
      console.log(JSON.stringify(item, null, 2));
      break;
    }
    default:
      fail(`unknown command "${command}"; ${USAGE}`);
  }
}

main().catch((error: unknown) => {
  const known = error instanceof ApprovalError || (error as Error).name === 'RecordValidationError' || error instanceof SyntaxError;
  fail(known ? (error as Error).message : `${(error as Error).name}: ${(error as Error).message}`);
});

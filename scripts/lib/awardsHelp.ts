/** What `npm run awards -- --help` and `help <command>` print. */

const WHERE = `Where: --local works on the local stack that npm start runs (with --data <dir>, the one started
with that --data; default .local); without it, on the deployed table named by AWARDS_TABLE_NAME
with the usual AWS environment (profile or keys, region).
Who: --as <identity> — locally a development identity: approver (公安厅审批人, every region),
approver-region-<1..12> (a 盟市's approver), department (公安厅工作人员, the default for import,
correct and deliver), region-<1..12>; against a deployed table, the operator's name.`;

const COMMANDS: Readonly<Record<string, { usage: string; about: string }>> = {
  import: {
    usage: 'import <file.json|file.jsonl>...',
    about:
      'Submits records (status SUBMITTED). Every record of every file is checked first — the contract,\n' +
      'its documents drawn as drafts (a character no font has, text that cannot fit), its id free —\n' +
      'and nothing is written if one is wrong; the error names the file, line and field. A record\n' +
      'imported before with the same content is skipped, so a fixed file can be imported again.',
  },
  approve: {
    usage: 'approve <id>... --as <approver>',
    about:
      'Approves the awards as one approval list, all or nothing: each must be SUBMITTED and drawable;\n' +
      'an id listed twice refuses the list. Their documents follow.',
  },
  return: {
    usage: 'return <id> --reason <text> --as <approver>',
    about: 'Returns a SUBMITTED award for correction (退回修改): a correction of it submits it again.',
  },
  reject: {
    usage: 'reject <id> --reason <text> --as <approver>',
    about: 'Refuses a SUBMITTED or RETURNED award (不予批准). Final: no document is ever made.',
  },
  revoke: {
    usage: 'revoke <id> --reason <text> --as <approver>',
    about: 'Revokes an APPROVED award: its documents stay, marked withdrawn.',
  },
  deliver: {
    usage: 'deliver <id> --at <ISO 8601 date-time> --place <text> [--by <deliverer>] [--as <identity>]',
    about: 'Records that an approved award was handed to its recipient (送奖上门).',
  },
  correct: {
    usage: 'correct <file.json> [--as <identity>]',
    about:
      'Stores a corrected record as version + 1 (made from the current version: start from show).\n' +
      'A RETURNED award is submitted again; an APPROVED one gets new documents.',
  },
  show: {
    usage: 'show <id>',
    about: 'Prints the record as it can be corrected, with revision, documents, rendering and decisions.',
  },
  audit: {
    usage: 'audit <id> --local [--data <dir>]',
    about: 'Prints every line of the local audit trail about the award: links handed out or refused, decisions.',
  },
};

export const USAGE = [
  'usage: npm run awards -- <command> [options] [--local [--data <dir>]]',
  '',
  'commands:',
  ...Object.values(COMMANDS).map(({ usage }) => `  ${usage}`),
  '',
  WHERE,
  '',
  'npm run awards -- help <command> explains one command. Errors are one line; the exit code is 1.',
].join('\n');

/** The help of one command; undefined for a command that does not exist. */
export function commandHelp(command: string): string | undefined {
  const entry = COMMANDS[command];
  return entry && `usage: npm run awards -- ${entry.usage}\n\n${entry.about}\n\n${WHERE}`;
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { STACK_FILE_NAME, type LocalStackInfo } from '../../local/stackFile.js';

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** No table to work on: no local stack answers on the data folder asked for, or no deployed table is named. */
export class NoLocalStack extends Error {
  override name = 'NoLocalStack';
}

/** A local stack's file names a process: whether that process is still running. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The running local stack that `npm start --data <dataDir>` announced, or a sentence saying why there is none. */
export function localStackInfo(dataDir: string): LocalStackInfo {
  const file = join(dataDir, STACK_FILE_NAME);
  if (!existsSync(file))
    throw new NoLocalStack(`no local stack is running on ${dataDir} (${file} is missing): start one with npm start`);
  const info = JSON.parse(readFileSync(file, 'utf8')) as LocalStackInfo;
  if (info.pid !== undefined && !running(info.pid)) {
    const since = info.startedAt ? ` on ${info.startedAt}` : '';
    throw new NoLocalStack(`the local stack started${since} is not running; start it with npm start`);
  }
  return info;
}

/**
 * The awards table to work on: the running local stack with --local (the one started with the
 * same --data), otherwise the deployed one named by AWARDS_TABLE_NAME, reached with the usual AWS
 * environment (profile, region, keys).
 */
export function connect(
  { local, dataDir }: { local: boolean; dataDir: string },
  env: NodeJS.ProcessEnv = process.env,
): { client: DynamoDBClient; tableName: string } {
  if (local) {
    const info = localStackInfo(dataDir);
    return {
      client: new DynamoDBClient({ endpoint: info.dynamodbEndpoint, region: 'local', credentials: LOCAL_CREDENTIALS }),
      tableName: info.tableName,
    };
  }
  const tableName = env.AWARDS_TABLE_NAME;
  if (!tableName)
    throw new NoLocalStack(
      'set AWARDS_TABLE_NAME to the deployed awards table (the stack prints it), or pass --local for the local stack',
    );
  return { client: new DynamoDBClient({}), tableName };
}

import { existsSync, readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

import { LOCAL_STACK_FILE, type LocalStackInfo } from '../../local/stackFile.js';

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * The awards table to work on: the running local stack with --local, otherwise the deployed
 * one named by AWARDS_TABLE_NAME, reached with the usual AWS environment (profile, region, keys).
 */
export function connect(
  local: boolean,
  env: NodeJS.ProcessEnv = process.env,
): { client: DynamoDBClient; tableName: string } {
  if (local) {
    if (!existsSync(LOCAL_STACK_FILE))
      throw new Error(`no local stack is running (${LOCAL_STACK_FILE} is missing): start one with npm start`);
    const info = JSON.parse(readFileSync(LOCAL_STACK_FILE, 'utf8')) as LocalStackInfo;
    return {
      client: new DynamoDBClient({ endpoint: info.dynamodbEndpoint, region: 'local', credentials: LOCAL_CREDENTIALS }),
      tableName: info.tableName,
    };
  }
  const tableName = env.AWARDS_TABLE_NAME;
  if (!tableName)
    throw new Error(
      'set AWARDS_TABLE_NAME to the deployed awards table (the stack prints it), or pass --local for the local stack',
    );
  return { client: new DynamoDBClient({}), tableName };
}

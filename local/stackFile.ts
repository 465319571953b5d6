/** A running local stack says how to reach it in this file of its data folder. */
export const STACK_FILE_NAME = 'stack.json';

/** Where the approver's tool looks for the stack that `npm start` runs with its default --data. */
export const LOCAL_STACK_FILE = `.local/${STACK_FILE_NAME}`;

export interface LocalStackInfo {
  readonly dynamodbEndpoint: string;
  readonly s3Endpoint: string;
  readonly tableName: string;
  readonly bucket: string;
}

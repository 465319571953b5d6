/** Where a running local stack (npm start) says how to reach it, for the approver's tool. */
export const LOCAL_STACK_FILE = '.local/stack.json';

export interface LocalStackInfo {
  readonly dynamodbEndpoint: string;
  readonly s3Endpoint: string;
  readonly tableName: string;
  readonly bucket: string;
}

/** A running local stack says how to reach it in this file of its data folder. */
export const STACK_FILE_NAME = 'stack.json';

/** The data folder `npm start` and the approver's tool use unless given --data. */
export const DEFAULT_DATA_DIR = '.local';

export interface LocalStackInfo {
  /** The node process that runs the stack, and when it started: a file left by a crash names a dead one. */
  readonly pid?: number;
  readonly startedAt?: string;
  /** The staff page and its API, when the stack serves them. */
  readonly apiUrl?: string;
  readonly dynamodbEndpoint: string;
  readonly s3Endpoint: string;
  readonly tableName: string;
  readonly bucket: string;
}

import { setTimeout as sleep } from 'node:timers/promises';
import {
  CreateTableCommand,
  DescribeTableCommand,
  type AttributeDefinition,
  type CreateTableCommandInput,
  type DynamoDBClient,
  type KeySchemaElement,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { AWARDS_TABLE } from '../functions/definitions/awardsTable.js';
import { LocalStackError } from './LocalStackError.js';

interface KeyDefinition {
  readonly name: string;
  readonly type: 'S' | 'N' | 'B';
}
interface KeyedDefinition {
  readonly partitionKey: KeyDefinition;
  readonly sortKey?: KeyDefinition;
}
/** The shape of AWARDS_TABLE, widened so an optional sort key can be read. */
interface TableDefinition extends KeyedDefinition {
  readonly indexes: readonly (KeyedDefinition & { readonly name: string })[];
  readonly streamView: 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES' | 'KEYS_ONLY';
}

const ACTIVE_TIMEOUT_MS = 30_000;

/**
 * Creates the awards table from AWARDS_TABLE, the definition the CDK stack deploys, unless it
 * already exists with that definition; waits until it and its indexes are ACTIVE and returns the
 * ARN of its stream.
 */
export async function createAwardsTable(client: DynamoDBClient, tableName: string): Promise<string> {
  const definition: TableDefinition = AWARDS_TABLE;
  try {
    await client.send(new CreateTableCommand(createTableInput(definition, tableName)));
  } catch (error) {
    if ((error as Error).name !== 'ResourceInUseException') throw error;
  }
  const table = await waitUntilActive(client, tableName);
  const drift = describeDrift(definition, table);
  if (drift !== undefined) {
    throw new LocalStackError(
      `table ${tableName} exists but ${drift}, unlike AWARDS_TABLE: ` +
        `delete the table, or the DynamoDB Local data directory, and start again`,
    );
  }
  // describeDrift has checked the stream is enabled.
  return table.LatestStreamArn as string;
}

/** Creates the documents bucket unless it exists. */
export async function createDocumentsBucket(client: S3Client, bucket: string): Promise<void> {
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    const name = (error as Error).name;
    if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw error;
  }
}

function createTableInput(definition: TableDefinition, tableName: string): CreateTableCommandInput {
  const attributes = new Map<string, KeyDefinition['type']>();
  for (const keyed of [definition, ...definition.indexes]) {
    for (const key of keysOf(keyed)) attributes.set(key.name, key.type);
  }
  const AttributeDefinitions: AttributeDefinition[] = [...attributes].map(([AttributeName, AttributeType]) => ({
    AttributeName,
    AttributeType,
  }));
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions,
    KeySchema: keySchema(definition),
    ...(definition.indexes.length === 0
      ? {}
      : {
          GlobalSecondaryIndexes: definition.indexes.map((index) => ({
            IndexName: index.name,
            KeySchema: keySchema(index),
            Projection: { ProjectionType: 'ALL' },
          })),
        }),
    StreamSpecification: { StreamEnabled: true, StreamViewType: definition.streamView },
  };
}

function keysOf(keyed: KeyedDefinition): KeyDefinition[] {
  return keyed.sortKey === undefined ? [keyed.partitionKey] : [keyed.partitionKey, keyed.sortKey];
}

function keySchema(keyed: KeyedDefinition): KeySchemaElement[] {
  return keysOf(keyed).map((key, position) => ({
    AttributeName: key.name,
    KeyType: position === 0 ? 'HASH' : 'RANGE',
  }));
}

/** What differs between an existing table and the definition, in words, or undefined. */
function describeDrift(definition: TableDefinition, table: TableDescription): string | undefined {
  const keys = (schema: KeySchemaElement[] | undefined) =>
    JSON.stringify((schema ?? []).map((key) => [key.AttributeName, key.KeyType]));
  if (keys(table.KeySchema) !== keys(keySchema(definition))) return `its key schema is ${keys(table.KeySchema)}`;
  for (const index of definition.indexes) {
    const existing = table.GlobalSecondaryIndexes?.find((gsi) => gsi.IndexName === index.name);
    if (existing === undefined) return `it has no index ${index.name}`;
    if (keys(existing.KeySchema) !== keys(keySchema(index)))
      return `its index ${index.name} has the key schema ${keys(existing.KeySchema)}`;
  }
  const stream = table.StreamSpecification;
  if (!stream?.StreamEnabled || table.LatestStreamArn === undefined) return 'it has no stream';
  if (stream.StreamViewType !== definition.streamView) return `its stream view is ${stream.StreamViewType}`;
  return undefined;
}

async function waitUntilActive(client: DynamoDBClient, tableName: string): Promise<TableDescription> {
  const deadline = Date.now() + ACTIVE_TIMEOUT_MS;
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const indexesActive = (Table?.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE');
    if (Table !== undefined && Table.TableStatus === 'ACTIVE' && indexesActive) return Table;
    if (Date.now() > deadline) {
      throw new LocalStackError(
        `table ${tableName} is still ${Table?.TableStatus ?? 'missing'} after ${ACTIVE_TIMEOUT_MS / 1000} s: ` +
          `check the DynamoDB endpoint's output`,
      );
    }
    await sleep(100);
  }
}

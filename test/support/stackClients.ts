import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { DOCUMENTS_BUCKET } from '../../functions/definitions/documentsBucket.js';
import { freePort } from '../../local/ports.js';

/** Free ports for one `npm start`, and its arguments on a data folder (kept across its restarts). */
export async function stackArgs() {
  const ports = { dynamodb: await freePort(), s3: await freePort(), api: await freePort() };
  const args = (data: string) => [
    ...['--data', data, '--out', `${data}/out`],
    ...['--dynamodb-port', String(ports.dynamodb), '--s3-port', String(ports.s3), '--api-port', String(ports.api)],
  ];
  return { ports, args };
}

/** Clients of a stack running as another process, on its ports. */
export function stackClients(ports: { dynamodb: number; s3: number }) {
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  const dynamodb = new DynamoDBClient({ endpoint: `http://127.0.0.1:${ports.dynamodb}`, region: 'local', credentials });
  const s3 = new S3Client({
    endpoint: `http://127.0.0.1:${ports.s3}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    forcePathStyle: true,
  });
  return { dynamodb, s3 };
}

/** Every award document's key in the documents bucket, sorted. */
export async function objectKeys(s3: S3Client): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: DOCUMENTS_BUCKET.defaultName, Prefix: 'awards/', ContinuationToken: token }),
    );
    keys.push(...(page.Contents ?? []).map((object) => object.Key!));
    token = page.NextContinuationToken;
  } while (token);
  return keys.sort();
}

/// <reference path="./s3rver.d.ts" />
import { mkdirSync } from 'node:fs';
import { S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { patchS3rverReads } from './patchS3rverReads.js';
import { patchS3rverWithdrawn } from './patchS3rverWithdrawn.js';
import { patchS3rverWrites } from './patchS3rverWrites.js';
import { assertPortFree } from './ports.js';

export interface S3Local {
  endpoint: string;
  client: S3Client;
  /** Closes the server and the client's connections. */
  stop(): Promise<void>;
}

export interface S3LocalOptions {
  port: number;
  /** Where s3rver keeps buckets and objects, one folder per bucket. */
  directory: string;
}

/** s3rver's fixed credentials; it checks the key id, not the SigV4 signature. */
const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/** Starts s3rver, an S3-compatible server, in this process on 127.0.0.1:`port`. */
export async function startS3Local({ port, directory }: S3LocalOptions): Promise<S3Local> {
  await assertPortFree(port, '--s3-port');
  mkdirSync(directory, { recursive: true });
  patchS3rverWrites();
  patchS3rverReads();
  patchS3rverWithdrawn();
  const server = new S3rver({ address: '127.0.0.1', port, directory, silent: true });
  await server.run();

  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    credentials: S3RVER_CREDENTIALS,
    // s3rver serves buckets as paths, not as subdomains of a service endpoint.
    forcePathStyle: true,
  });

  return {
    endpoint,
    client,
    async stop() {
      client.destroy();
      // http.Server.close waits for kept-alive sockets, which other clients may still hold.
      server.httpServer?.closeAllConnections();
      await server.close();
    },
  };
}

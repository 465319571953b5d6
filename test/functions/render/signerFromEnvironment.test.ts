import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signerFromEnvironment } from '../../../functions/render/signerFromEnvironment.js';

const ENVIRONMENT = {
  SIGNING_KEY_ID: 'arn:aws-cn:kms:cn-north-1:111122223333:key/signing',
  SIGNING_CERTIFICATE_CHAIN: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
  AWS_REGION: 'cn-north-1',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_MAX_ATTEMPTS: '1',
};

let server: Server | undefined;
afterEach(() => {
  vi.unstubAllEnvs();
  server?.closeAllConnections();
  server?.close();
});

describe('signerFromEnvironment', () => {
  it('has no signer until a certificate chain is configured', () => {
    for (const [name, value] of Object.entries(ENVIRONMENT)) vi.stubEnv(name, value);
    vi.stubEnv('SIGNING_CERTIFICATE_CHAIN', '');
    expect(signerFromEnvironment('render')).toBeUndefined();
  });

  it('gives up on a KMS that accepts the request and never answers, instead of waiting for ever', async () => {
    const requests: string[] = [];
    server = createServer((request) => requests.push(String(request.headers['x-amz-target'])));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    for (const [name, value] of Object.entries(ENVIRONMENT)) vi.stubEnv(name, value);
    vi.stubEnv('AWS_ENDPOINT_URL_KMS', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const signer = signerFromEnvironment('render')!;
    await expect(signer.sign(Buffer.from('signed attributes'))).rejects.toThrow(/timed? ?out/i);
    expect(requests).toEqual(['TrentService.Sign']);
  }, 20_000);
});

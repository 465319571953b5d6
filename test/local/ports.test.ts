import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalStackError } from '../../local/LocalStackError.js';
import { assertPortFree, freePort } from '../../local/ports.js';

async function listen(port: number, host: string): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen({ port, host }, resolve));
  return server;
}

describe('assertPortFree', () => {
  let held: Server | undefined;
  afterEach(async () => {
    const server = held;
    held = undefined;
    if (server !== undefined) await new Promise((resolve) => server.close(resolve));
  });

  it('throws a LocalStackError naming the port and the flag when something listens on 127.0.0.1', async () => {
    const port = await freePort();
    held = await listen(port, '127.0.0.1');
    const failure = assertPortFree(port, '--dynamodb-port');
    await expect(failure).rejects.toBeInstanceOf(LocalStackError);
    await expect(failure).rejects.toThrow(`port ${port} is in use: stop what holds it or pass --dynamodb-port <port>`);
  });

  it('also catches a listener on every interface', async () => {
    const port = await freePort();
    held = await listen(port, '0.0.0.0');
    await expect(assertPortFree(port, '--s3-port')).rejects.toThrow('pass --s3-port <port>');
  });

  it('resolves for a free port and leaves it free', async () => {
    const port = await freePort();
    await assertPortFree(port, '--dynamodb-port');
    held = await listen(port, '127.0.0.1');
    expect(held.listening).toBe(true);
  });
});

describe('freePort', () => {
  it('returns a port that can be listened on', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    await expect(assertPortFree(port, '--port')).resolves.toBeUndefined();
  });
});

describe('freePort, called again and again', () => {
  it('never gives the same port twice in a process, though the OS may offer it again at once', async () => {
    const ports = [];
    for (let i = 0; i < 200; i++) ports.push(await freePort());
    expect(new Set(ports).size).toBe(ports.length);
  });
});

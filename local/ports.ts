import { createServer } from 'node:net';
import { LocalStackError } from './LocalStackError.js';

/**
 * Throws a LocalStackError when something already listens on `port`, naming the command-line flag
 * that picks another one. Binding the wildcard address conflicts with a listener on any interface,
 * so a server on 127.0.0.1 or 0.0.0.0 is caught alike.
 */
export async function assertPortFree(port: number, flagName: string): Promise<void> {
  const server = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port, exclusive: true }, resolve);
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new LocalStackError(`port ${port} is in use: stop what holds it or pass ${flagName} <port>`, {
        cause: error,
      });
    if (code === 'EACCES')
      throw new LocalStackError(
        `port ${port} needs privileges to listen on: pass ${flagName} <port> with a port above 1023`,
        { cause: error },
      );
    throw error;
  } finally {
    if (server.listening) await new Promise((resolve) => server.close(resolve));
  }
}

/** Ports this process has handed out: the OS may offer a port again as soon as its probe closes. */
const handedOut = new Set<number>();

/** A port the OS reports free on 127.0.0.1 right now (tests start servers on it), never one given before. */
export async function freePort(): Promise<number> {
  // Two calls in a row (a stack's S3 and API ports) once got the same port: never give one twice.
  for (;;) {
    const port = await probePort();
    if (handedOut.has(port)) continue;
    handedOut.add(port);
    return port;
  }
}

async function probePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, resolve);
  });
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string')
    throw new LocalStackError('the OS assigned no TCP port on 127.0.0.1');
  return address.port;
}

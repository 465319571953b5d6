import { readFileSync } from 'node:fs';

const LISTEN = '0A';

/** Bytes of an address as /proc/net/tcp{,6} writes it: 32-bit words in host (little-endian) order. */
function addressBytes(hex: string): number[] {
  const bytes: number[] = [];
  for (let word = 0; word < hex.length; word += 8) {
    for (let i = 6; i >= 0; i -= 2) bytes.push(Number.parseInt(hex.slice(word + i, word + i + 2), 16));
  }
  return bytes;
}

function addressText(bytes: number[]): string {
  if (bytes.length === 4) return bytes.join('.');
  const mapped = bytes.slice(0, 10).every((byte) => byte === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (mapped) return `::ffff:${bytes.slice(12).join('.')}`;
  const groups = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
}

/** The local addresses on which something listens on a TCP port, as the kernel reports them (what `ss -ltn` shows). */
export function listeningAddresses(port: number): string[] {
  const addresses: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (local === undefined || state !== LISTEN) continue;
      const [address, portHex] = local.split(':') as [string, string];
      if (Number.parseInt(portHex, 16) === port) addresses.push(addressText(addressBytes(address)));
    }
  }
  return addresses;
}

export const isLoopback = (address: string) => ['127.0.0.1', '::ffff:127.0.0.1', '::1'].includes(address);

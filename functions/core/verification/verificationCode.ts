import { createHmac } from 'node:crypto';

/** RFC 4648 base32: no 0, 1, 8 or 9, so a printed code is not misread between digits and letters. */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** 20 characters of 5 bits: 100 bits of the HMAC, beyond guessing, and still short enough to type. */
const CODE_CHARACTERS = 20;
const GROUP = 5;

/** Bytes as RFC 4648 base32, without padding. */
export function base32(bytes: Uint8Array): string {
  let text = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      text += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  return bits > 0 ? text + BASE32[(buffer << (5 - bits)) & 31] : text;
}

const grouped = (characters: string) => characters.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');

/**
 * The verification code of one version of one document: the first 100 bits of
 * HMAC-SHA256(secret, `<holder>|<kind>|<version>`) in base32, in four groups of five
 * (e.g. `K7Q2M-XA4TD-9…`). The holder is the award's record id, or the name of a document that
 * is no award (`bulletin/<cut-off>`). Deterministic for a deployment (its secret), so rendering
 * a version again prints the same code; unguessable without the secret.
 */
export function verificationCode(secret: Uint8Array, holder: string, kind: string, version: number): string {
  // The message must name one document only: a | inside a part would let two documents share it.
  if (holder.includes('|') || kind.includes('|'))
    throw new Error(`verification code of ${holder} ${kind}: a holder or kind may not contain "|"`);
  const digest = createHmac('sha256', secret).update(`${holder}|${kind}|${version}`, 'utf8').digest();
  return grouped(base32(digest).slice(0, CODE_CHARACTERS));
}

/**
 * A code as a visitor may type or a link may carry it (lower case, without or with other
 * separators) in the grouped form it is stored under; undefined for anything that cannot be one.
 */
export function canonicalCode(input: string): string | undefined {
  const characters = input.toUpperCase().replace(/[\s-]/g, '');
  const valid = characters.length === CODE_CHARACTERS && [...characters].every((c) => BASE32.includes(c));
  return valid ? grouped(characters) : undefined;
}

/**
 * A minimal DER encoder and reader for the few ASN.1 structures a signature needs (X.509
 * certificates, CMS SignedData). Definite lengths only; callers pass values already in order.
 */

export type Der = Uint8Array;

function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/** One tag-length-value. */
export function tlv(tag: number, ...contents: readonly Uint8Array[]): Der {
  const body = Buffer.concat(contents);
  return Buffer.concat([Uint8Array.of(tag), encodeLength(body.length), body]);
}

export const sequence = (...items: readonly Der[]): Der => tlv(0x30, ...items);

/** A SET OF, its elements sorted by their encodings as DER requires (X.690 11.6). */
export const setOf = (...items: readonly Der[]): Der => tlv(0x31, ...[...items].sort(Buffer.compare));

export const nullValue = (): Der => Uint8Array.of(0x05, 0x00);

export const octetString = (bytes: Uint8Array): Der => tlv(0x04, bytes);

/** A BIT STRING of whole bytes (no unused bits). */
export const bitString = (bytes: Uint8Array): Der => tlv(0x03, Uint8Array.of(0), bytes);

export const utf8String = (text: string): Der => tlv(0x0c, Buffer.from(text, 'utf8'));

export const boolean = (value: boolean): Der => Uint8Array.of(0x01, 0x01, value ? 0xff : 0x00);

/** An INTEGER from unsigned big-endian bytes: leading zeros dropped, a zero added when the top bit is set. */
export function unsignedInteger(bytes: Uint8Array): Der {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  const padded = trimmed.length === 0 || (trimmed[0]! & 0x80) !== 0 ? [Uint8Array.of(0), trimmed] : [trimmed];
  return tlv(0x02, ...padded);
}

export function integer(value: number): Der {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`integer ${value}: not a small non-negative integer`);
  const bytes: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff);
  return unsignedInteger(Uint8Array.from(bytes));
}

/** An OBJECT IDENTIFIER from its dotted form, e.g. 1.2.840.113549.1.7.2. */
export function objectIdentifier(dotted: string): Der {
  const arcs = dotted.split('.').map(Number);
  if (arcs.length < 2 || arcs.some((arc) => !Number.isSafeInteger(arc) || arc < 0))
    throw new RangeError(`object identifier ${dotted}: not dotted numbers`);
  const [first, second, ...rest] = arcs as [number, number, ...number[]];
  const bytes: number[] = [];
  for (const arc of [first * 40 + second, ...rest]) {
    const base128: number[] = [arc & 0x7f];
    for (let high = Math.floor(arc / 128); high > 0; high = Math.floor(high / 128))
      base128.unshift(0x80 | (high & 0x7f));
    bytes.push(...base128);
  }
  return tlv(0x06, Uint8Array.from(bytes));
}

/** A context-specific constructed tag [n], explicit (wrapping) or implicit (replacing the tag). */
export const explicit = (tagNumber: number, ...contents: readonly Der[]): Der => tlv(0xa0 | tagNumber, ...contents);

/** X.509 times: UTCTime up to 2049, GeneralizedTime from 2050 (RFC 5280 4.1.2.5). */
export function time(date: Date): Der {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const digits = iso.slice(0, 19).replace(/[-T:]/g, '');
  const year = date.getUTCFullYear();
  return year < 2050
    ? tlv(0x17, Buffer.from(`${digits.slice(2)}Z`, 'ascii'))
    : tlv(0x18, Buffer.from(`${digits}Z`, 'ascii'));
}

/** One element read back: its tag, the whole encoding and its contents. */
export interface DerElement {
  readonly tag: number;
  readonly encoded: Uint8Array;
  readonly contents: Uint8Array;
}

/** Reads the element starting at offset. */
export function readElement(bytes: Uint8Array, offset = 0): DerElement {
  const tag = bytes[offset];
  let lengthByte = bytes[offset + 1];
  if (tag === undefined || lengthByte === undefined) throw new RangeError(`DER: truncated at ${offset}`);
  let headerLength = 2;
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    if (count === 0 || count > 4) throw new RangeError(`DER: unsupported length at ${offset}`);
    length = 0;
    for (let index = 0; index < count; index++) {
      lengthByte = bytes[offset + 2 + index];
      if (lengthByte === undefined) throw new RangeError(`DER: truncated length at ${offset}`);
      length = length * 256 + lengthByte;
    }
    headerLength += count;
  }
  const end = offset + headerLength + length;
  if (end > bytes.length) throw new RangeError(`DER: element at ${offset} runs past the end`);
  return { tag, encoded: bytes.subarray(offset, end), contents: bytes.subarray(offset + headerLength, end) };
}

/** The elements a constructed element contains, in order. */
export function children(element: DerElement): DerElement[] {
  const found: DerElement[] = [];
  for (let offset = 0; offset < element.contents.length; ) {
    const child = readElement(element.contents, offset);
    found.push(child);
    offset += child.encoded.length;
  }
  return found;
}

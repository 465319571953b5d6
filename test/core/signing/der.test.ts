import { describe, expect, it } from 'vitest';
import {
  children,
  integer,
  objectIdentifier,
  octetString,
  readElement,
  sequence,
  setOf,
  time,
  unsignedInteger,
  utf8String,
} from '../../../functions/core/signing/der.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('DER encoding', () => {
  it('encodes object identifiers in base 128, the first two arcs joined', () => {
    expect(hex(objectIdentifier('1.2.840.113549.1.7.2'))).toBe('06092a864886f70d010702');
    expect(hex(objectIdentifier('2.16.840.1.101.3.4.2.1'))).toBe('0609608648016503040201');
  });

  it('encodes integers in the fewest bytes, positive', () => {
    expect(hex(integer(0))).toBe('020100');
    expect(hex(integer(127))).toBe('02017f');
    expect(hex(integer(128))).toBe('02020080');
    expect(hex(unsignedInteger(Uint8Array.of(0, 0, 0xff)))).toBe('020200ff');
  });

  it('uses long-form lengths from 128 bytes on', () => {
    expect(hex(octetString(new Uint8Array(127))).slice(0, 4)).toBe('047f');
    expect(hex(octetString(new Uint8Array(200))).slice(0, 6)).toBe('0481c8');
    expect(hex(octetString(new Uint8Array(300))).slice(0, 8)).toBe('0482012c');
  });

  it('sorts a SET OF by its elements’ encodings', () => {
    expect(hex(setOf(integer(5), integer(1)))).toBe('3106020101020105');
  });

  it('writes UTCTime before 2050 and GeneralizedTime after', () => {
    expect(
      Buffer.from(time(new Date('2020-02-05T02:00:00Z')))
        .toString('latin1')
        .slice(2),
    ).toBe('200205020000Z');
    expect(time(new Date('2050-01-01T00:00:00Z'))[0]).toBe(0x18);
  });

  it('reads back what it writes', () => {
    const encoded = sequence(utf8String('签名'), octetString(new Uint8Array(300)));
    const [text, bytes] = children(readElement(encoded));
    expect(Buffer.from(text!.contents).toString('utf8')).toBe('签名');
    expect(bytes!.contents).toHaveLength(300);
  });
});

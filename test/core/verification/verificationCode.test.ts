import { describe, expect, it } from 'vitest';
import { base32, canonicalCode, verificationCode } from '../../../functions/core/verification/verificationCode.js';

const secret = new Uint8Array(32).fill(7);
const otherSecret = new Uint8Array(32).fill(8);

describe('verification codes', () => {
  it('encode bytes in RFC 4648 base32, unpadded', () => {
    // RFC 4648 §10 test vectors, without their padding.
    const encode = (text: string) => base32(new TextEncoder().encode(text));
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map(encode)).toEqual([
      '',
      'MY',
      'MZXQ',
      'MZXW6',
      'MZXW6YQ',
      'MZXW6YTB',
      'MZXW6YTBOI',
    ]);
  });

  it('are 100 bits in four groups of five base32 characters', () => {
    const code = verificationCode(secret, 'merit-he-xia', 'certificate', 1);
    expect(code).toMatch(/^[A-Z2-7]{5}(-[A-Z2-7]{5}){3}$/);
  });

  it('are the same for the same document under the same secret, whenever they are derived', () => {
    expect(verificationCode(secret, 'merit-he-xia', 'certificate', 1)).toBe(
      verificationCode(new Uint8Array(secret), 'merit-he-xia', 'certificate', 1),
    );
  });

  it('differ across secrets, records, kinds and versions', () => {
    const codes = [
      verificationCode(secret, 'merit-he-xia', 'certificate', 1),
      verificationCode(otherSecret, 'merit-he-xia', 'certificate', 1),
      verificationCode(secret, 'merit-he-jianhua', 'certificate', 1),
      verificationCode(secret, 'merit-he-xia', 'telegram', 1),
      verificationCode(secret, 'merit-he-xia', 'certificate', 2),
      verificationCode(secret, 'bulletin/2020-03-05T00:00:00Z', 'statistics-bulletin', 1),
    ];
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('refuses a holder or kind containing the separator, which would let two documents share a code', () => {
    // holder "a|b", kind "c" and holder "a", kind "b|c" would both be the message "a|b|c|1".
    expect(() => verificationCode(secret, 'a|b', 'c', 1)).toThrow('may not contain "|"');
    expect(() => verificationCode(secret, 'a', 'b|c', 1)).toThrow('may not contain "|"');
  });

  it('reads a typed code in any case and grouping, and refuses anything that cannot be one', () => {
    const code = verificationCode(secret, 'merit-he-xia', 'certificate', 1);
    expect(canonicalCode(code)).toBe(code);
    expect(canonicalCode(code.toLowerCase().replaceAll('-', ''))).toBe(code);
    expect(canonicalCode(code.replaceAll('-', ' '))).toBe(code);
    for (const bad of ['', code.slice(0, -1), `${code}A`, code.replace(/[A-Z]/, '0'), 'check.js', '../x'])
      expect(canonicalCode(bad)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8Byte } from '../../../scripts/lib/firstInvalidUtf8Byte.js';

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('firstInvalidUtf8Byte', () => {
  it('finds nothing wrong in well-formed UTF-8, four-byte characters included', () => {
    expect(firstInvalidUtf8Byte(utf8('张鹏 𠈌 ᠮᠣᠩᠭᠣᠯ abc'))).toBeUndefined();
  });

  it.each([
    ['a stray continuation byte', bytes(0x61, 0x80), 1],
    ['a byte no sequence starts with', bytes(0x61, 0x62, 0xff), 2],
    ['an overlong form of "/"', bytes(0xc0, 0xaf), 0],
    ['an overlong three-byte form', bytes(0x61, 0xe0, 0x80, 0x80), 1],
    ['a surrogate', bytes(0xed, 0xa0, 0x80), 0],
    ['a code point above U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ['a sequence cut short by the end', bytes(...utf8('张'), 0xe9, 0xb9), 3],
    ['a sequence cut short by ASCII', bytes(0xe5, 0xbc, 0x28), 0],
  ])('finds %s', (_, input, offset) => {
    expect(firstInvalidUtf8Byte(input)).toBe(offset);
  });

  it('agrees with a fatal TextDecoder on random bytes about whether they are UTF-8', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let seed = 24;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let run = 0; run < 5000; run++) {
      // Mostly well-formed text with a byte changed now and then, so both answers occur often.
      const text = utf8(`名${String.fromCodePoint(0x4e00 + (random() % 0x5000))}${run}`);
      if (random() % 2 === 0) text[random() % text.length] = random() % 256;
      let decodes = true;
      try {
        decoder.decode(text);
      } catch {
        decodes = false;
      }
      expect(firstInvalidUtf8Byte(text) === undefined, Buffer.from(text).toString('hex')).toBe(decodes);
    }
  });
});

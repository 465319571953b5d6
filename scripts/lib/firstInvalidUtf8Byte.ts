/**
 * The offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629:
 * no overlong forms, no surrogates, nothing above U+10FFFF), or undefined when every byte does.
 * A sequence cut short is reported at its lead byte, where a reader would look for it.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number | undefined {
  let offset = 0;
  while (offset < bytes.length) {
    const lead = bytes[offset]!;
    if (lead < 0x80) {
      offset += 1;
      continue;
    }
    const length =
      lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return offset;
    // The second byte's range is narrower after these leads: it rules out overlong forms,
    // surrogates (ED A0–BF) and code points above U+10FFFF (F4 90–BF).
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let i = 1; i < length; i++) {
      const byte = bytes[offset + i];
      if (byte === undefined) return offset;
      const [min, max] = i === 1 ? [low, high] : [0x80, 0xbf];
      if (byte < min || byte > max) return offset;
    }
    offset += length;
  }
  return undefined;
}

/** Characters RFC 5987 lets stand unescaped in an ext-value (attr-char). */
const ATTR_CHAR = /[A-Za-z0-9!#$&+\-.^_`|~]/;

/** The ASCII fallback: characters a plain quoted filename can carry, others as "_". */
function asciiFallback(name: string): string {
  const ascii = [...name]
    .map((char) => (/[\x20-\x7e]/.test(char) && char !== '"' && char !== '\\' ? char : '_'))
    .join('');
  return ascii.replace(/_+/g, '_');
}

/**
 * A Content-Disposition header that downloads a file under its Chinese name: an ASCII `filename`
 * for old clients and an RFC 6266 / RFC 5987 `filename*=UTF-8''…` for everyone else, e.g.
 * attachment; filename="certificate-merit-he-jianhua-v1.pdf"; filename*=UTF-8''%E8%8D%A3%E8%AA%89…pdf
 * Without a readable ASCII name given, the fallback keeps the name's ASCII and marks the rest "_".
 */
export function contentDisposition(
  fileName: string,
  disposition: 'attachment' | 'inline' = 'attachment',
  asciiName: string = fileName,
): string {
  const encoded = [...new TextEncoder().encode(fileName)]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return byte < 0x80 && ATTR_CHAR.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
  return `${disposition}; filename="${asciiFallback(asciiName)}"; filename*=UTF-8''${encoded}`;
}

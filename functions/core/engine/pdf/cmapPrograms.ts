import type { CidSystemInfo } from '../fonts/CffTable.js';

const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
const psString = (text: string) => `(${text.replace(/[()\\]/g, (c) => `\\${c}`)})`;

/** CMap operators take at most 100 entries a block. */
/** The typesetter draws a typed —— as the 2-em dash glyph (U+2E3A); it stands for the two dashes typed. */
const TWO_EM_DASH_CODE_POINT = 0x2e3a;

function blocks<T>(entries: readonly T[], operator: string, line: (entry: T) => string): string[] {
  const lines: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    lines.push(`${chunk.length} begin${operator}`, ...chunk.map(line), `end${operator}`);
  }
  return lines;
}

function cmapProgram(name: string, systemInfo: CidSystemInfo, type: number, body: readonly string[]): string {
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    `/CIDSystemInfo << /Registry ${psString(systemInfo.registry)} /Ordering ${psString(systemInfo.ordering)} ` +
      `/Supplement ${systemInfo.supplement} >> def`,
    `/CMapName /${name} def`,
    `/CMapType ${type} def`,
    ...(type === 1 ? ['/WMode 0 def'] : []),
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...body,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** ToUnicode: each character code back to the text it stands for. */
export function toUnicodeCMap(characters: readonly { code: number; codePoint: number }[]): string {
  const utf16 = (codePoint: number) => {
    const text = codePoint === TWO_EM_DASH_CODE_POINT ? '——' : String.fromCodePoint(codePoint);
    return Array.from({ length: text.length }, (_, i) => hex4(text.charCodeAt(i))).join('');
  };
  return cmapProgram(
    'Adobe-Identity-UCS',
    { registry: 'Adobe', ordering: 'UCS', supplement: 0 },
    2,
    blocks(characters, 'bfchar', ({ code, codePoint }) => `<${hex4(code)}> <${utf16(codePoint)}>`),
  );
}

/**
 * An encoding CMap from each character's own code to its glyph's CID, for a font whose CIDs the
 * font program fixes (CFF): two characters that share a glyph keep codes of their own, and so
 * their own ToUnicode entries.
 */
export function codeToCidCMap(
  name: string,
  systemInfo: CidSystemInfo,
  characters: readonly { code: number; cid: number }[],
): string {
  return cmapProgram(
    name,
    systemInfo,
    1,
    blocks(characters, 'cidchar', ({ code, cid }) => `<${hex4(code)}> ${cid}`),
  );
}

/** Characters that take two columns in a terminal: CJK, Hangul, fullwidth forms, and CJK beyond the BMP. */
const WIDE_IN_BMP = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const WIDE_BEYOND_BMP = /[\u{20000}-\u{3fffd}]/u;

/** Display width of a string in a terminal: CJK characters take two columns. */
function columns(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE_IN_BMP.test(char) || WIDE_BEYOND_BMP.test(char) ? 2 : 1;
  return width;
}

/** Prints rows under a header, columns padded to line up (numbers to the right). */
export function printTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly number[] = [],
): void {
  const widths = header.map((title, i) => Math.max(columns(title), ...rows.map((row) => columns(row[i] ?? ''))));
  const pad = (text: string, i: number) => {
    const space = ' '.repeat(widths[i]! - columns(text));
    return numeric.includes(i) ? space + text : text + space;
  };
  const line = (row: readonly string[]) => row.map(pad).join('  ').trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

/** Numbers in content streams: at most three decimals and no exponent, so output is stable and small. */
export function pdfNumber(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

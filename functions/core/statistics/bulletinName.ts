/**
 * A statistics bulletin's name, `bulletin/<cut-off in UTC, to the second>`: one per cut-off as the
 * archive keys it (bulletins/<cut-off>.pdf), whichever way the cut-off is written. It is the PDF's
 * identity and the holder of the bulletin's 文号.
 */
export function bulletinName(cutoff: string): string {
  return `bulletin/${new Date(cutoff).toISOString().replace(/\.\d{3}Z$/, 'Z')}`;
}

/**
 * A person's name as the verification page shows it: the first character, then one `*` for the
 * rest whatever its length (贺霞 → 贺*, 乌力吉·巴雅尔 → 乌*), so neither the given name nor its
 * length is told to whoever holds a code. Characters are counted as code points (rare surnames
 * lie outside the BMP).
 */
export function maskedName(name: string): string {
  const [first, ...rest] = [...name.trim()];
  if (first === undefined) return '';
  return rest.length === 0 ? first : `${first}*`;
}

/**
 * An addressee as printed (何建华同志家属：, 孙德健同志：, 各盟市公安局，厅机关各部门：), without its
 * colon; the name before 同志 is a person's and is masked (何*同志家属), a unit's is shown in full.
 */
export function maskedAddressee(addressee: string): string {
  const text = addressee.trim().replace(/[：:]$/, '');
  const person = /^(.+?)(同志.*)$/.exec(text);
  return person ? `${maskedName(person[1]!)}${person[2]}` : text;
}

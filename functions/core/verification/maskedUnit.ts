/**
 * The police headquarters a unit belongs to: the last of these ends its administrative head
 * (呼伦贝尔市海拉尔区公安分局 in 呼伦贝尔市海拉尔区公安分局呼伦街派出所).
 */
const POLICE_HEAD = /^.*(?:公安部|公安厅|公安局|分局|公安处)/u;

/** Otherwise the places it lies in: up to three divisions (巴彦淖尔市临河区), each a short name. */
const DIVISIONS_HEAD = /^(?:[^盟市旗县区州]{1,7}?(?:自治区|自治州|自治旗|盟|市|州|旗|县|区)){1,3}/u;

/** What kind of unit it is, the longest that fits first: a word the page keeps at the end. */
const UNIT_SUFFIXES = [
  '边境派出所',
  '指挥中心',
  '派出所',
  '检查站',
  '警务站',
  '警务室',
  '看守所',
  '拘留所',
  '大队',
  '中队',
  '支队',
  '总队',
  '分队',
  '中心',
  '街道',
  '社区',
  '科',
  '处',
  '室',
  '所',
  '队',
  '站',
];

/** However long the masked part, it shows as three stars: its length says nothing either. */
const MASK = '***';

/**
 * A unit as the verification page shows it: its administrative head (…市公安局, …旗公安局,
 * …分局; failing that, the places it lies in) and the kind of unit it ends with (派出所, 大队, …)
 * stay, the name between is masked: 乌兰察布市公安局集宁区新华街派出所 → 乌兰察布市公安局***派出所.
 * Enough to compare with the printed unit, too little to find the one station or team a person
 * serves in. A unit that is its head alone (乌海市公安局) has nothing to mask and shows whole.
 */
export function maskedUnit(unit: string): string {
  const text = unit.trim().replace(/\s+/g, '');
  const suffix = UNIT_SUFFIXES.find((candidate) => text.endsWith(candidate)) ?? '';
  const body = text.slice(0, text.length - suffix.length);
  const head = POLICE_HEAD.exec(body)?.[0] ?? DIVISIONS_HEAD.exec(body)?.[0] ?? '';
  return head === body ? text : `${head}${MASK}${suffix}`;
}

/**
 * The records the benchmark renders: the repository's examples, certificates with a different
 * recipient per iteration (the same names the peers get from `varyFields`), and a large
 * commendation order generated from the example's awardees.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type AwardRecord, validateRecord } from '../functions/core/records/index.js';
import { varyFields } from './peers/CertificateFields.js';

const EXAMPLES_DIR = fileURLToPath(new URL('../examples/', import.meta.url));

export const EXAMPLE_FILES = {
  certificate: 'merit-zhang-peng.json',
  commendationOrder: 'commendation-order-2020-12.json',
  telegram: 'telegram-condolence-he-jianhua.json',
  praiseBulletin: 'praise-bulletin-2020-18.json',
} as const;

type Json = Record<string, unknown>;

export function readExampleJson(file: string): Json {
  return JSON.parse(readFileSync(`${EXAMPLES_DIR}${file}`, 'utf8')) as Json;
}

export function loadExample(file: string): AwardRecord {
  return validateRecord(readExampleJson(file));
}

/** The recipient name `varyFields(i)` puts on the peers' certificate ("张鹏同志：" → "张鹏"). */
export function recipientNameFor(i: number): string {
  return varyFields(i).recipientLine.replace(/同志：$/, '');
}

/**
 * Certificates named like `varyFields(i)`: `certificateFor(i)` returns the validated record whose
 * recipient is `varyFields(i)`'s. The records for i < `upTo` are built (and validated) here, up
 * front, so that the timed loop measures rendering only, as the peers' loops do.
 */
export function certificateRecords(upTo: number): (i: number) => AwardRecord {
  const base = readExampleJson(EXAMPLE_FILES.certificate);
  const byName = new Map<string, AwardRecord>();
  const certificateFor = (i: number): AwardRecord => {
    const name = recipientNameFor(i);
    let record = byName.get(name);
    if (!record) {
      const json = structuredClone(base) as Json & { recipient: Json };
      json.recipient.name = name;
      record = validateRecord(json);
      byName.set(name, record);
    }
    return record;
  };
  for (let i = 0; i < upTo; i++) certificateFor(i);
  return certificateFor;
}

const SURNAMES = Array.from('王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕');
const GIVEN_NAMES = [
  '建国',
  '秀英',
  '志强',
  '海燕',
  '立新',
  '玉兰',
  '春生',
  '晓东',
  '丽华',
  '振宇',
  '国庆',
  '文博',
  '敏',
  '洋',
  '伟',
  '磊',
  '静',
  '军',
  '巴特尔',
  '其木格',
];
const UNIT_SUFFIXES = [
  '',
  '治安管理大队',
  '交通警察大队',
  '巡特警大队',
  '网络安全保卫大队',
  '城关派出所',
  '新区派出所',
  '看守所',
];

interface Awardee {
  name: string;
  unit: string;
  award: string;
}

/**
 * `count` awardees cycling through the example's awards and units, with generated names and
 * unit suffixes so that rows (and line breaks) differ like in a real long order.
 */
function generateAwardees(examples: readonly Awardee[], count: number): Awardee[] {
  return Array.from({ length: count }, (_, i) => {
    const example = examples[i % examples.length]!;
    return {
      name: SURNAMES[i % SURNAMES.length]! + GIVEN_NAMES[(i * 7) % GIVEN_NAMES.length]!,
      unit: example.unit + UNIT_SUFFIXES[(i * 3) % UNIT_SUFFIXES.length]!,
      award: example.award,
    };
  });
}

/** The example commendation order, with `count` generated awardees instead of its seven. */
export function largeCommendationOrder(count: number): AwardRecord {
  const json = readExampleJson(EXAMPLE_FILES.commendationOrder) as Json & { awardees: Awardee[] };
  json.id = `commendation-order-${count}-awardees`;
  json.awardees = generateAwardees(json.awardees, count);
  return validateRecord(json);
}

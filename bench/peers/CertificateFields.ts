/**
 * The variable text of the 荣誉证书 (award certificate) rendered by the benchmark.
 * Shared by our engine's bench entry and the two peer renderers (pdfmake, Typst).
 */
export interface CertificateFields {
  title: string;
  recipientLine: string;
  body: string;
  encouragement: string;
  authority: string;
  date: string;
}

export const exampleCertificateFields: CertificateFields = {
  title: '荣誉证书',
  recipientLine: '张鹏同志：',
  body: '在新冠肺炎疫情防控工作中表现突出，荣记个人三等功。',
  encouragement: '特发此证，以资鼓励。',
  authority: '内蒙古自治区公安厅',
  date: '二〇二〇年三月四日',
};

/**
 * Plausible recipients: Han names of 2–4 characters plus Mongolian, Uyghur and
 * Tibetan names written with the middle dot (U+00B7), so that the set of glyphs
 * (and hence the font subset) changes from document to document.
 */
const recipientNames: readonly string[] = [
  '张鹏',
  '王秀英',
  '李建国',
  '乌力吉·巴雅尔',
  '刘洋',
  '陈晓东',
  '其木格',
  '赵丽华',
  '孙志强',
  '阿卜杜拉·买买提',
  '周敏',
  '吴海燕',
  '欧阳文博',
  '额尔敦·巴特尔',
  '郑国庆',
  '黄立新',
  '马玉兰',
  '扎西·多吉',
  '胡春生',
  '司马振宇',
];

/**
 * Returns the example fields with a different recipient for each `i`
 * (cycling through {@link recipientNames}). Every real certificate differs, so
 * a benchmark must not let caches make repeated identical documents look free.
 */
export function varyFields(i: number): CertificateFields {
  const n = recipientNames.length;
  const name = recipientNames[((i % n) + n) % n]!;
  return { ...exampleCertificateFields, recipientLine: `${name}同志：` };
}

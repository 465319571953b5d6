import { Logger } from '@aws-lambda-powertools/logger';
import { describe, expect, it } from 'vitest';
import { bulletinVerification } from '../../../functions/core/statistics/bulletinVerification.js';
import { compileFigures } from '../../../functions/core/statistics/compileFigures.js';
import { documentFacts } from '../../../functions/core/verification/DocumentFacts.js';
import { VerificationMarks } from '../../../functions/core/verification/VerificationMarks.js';
import type { Verification } from '../../../functions/core/verification/VerificationService.js';
import { createVerifyHandler } from '../../../functions/verify/createVerifyHandler.js';
import { exampleRecord } from '../../support/examples.js';

const CODE = 'AAAAA-BBBBB-CCCCC-DDDDD';
const stored = { code: CODE, version: 1, sha256: 'b'.repeat(64) };

const verificationOf = (name: string, kind: string): Verification => ({
  status: 'valid',
  ...stored,
  kind,
  ...documentFacts(exampleRecord(name), kind),
});

const answers = async (verification: Verification) => {
  const handler = createVerifyHandler({
    service: { verify: async () => verification } as never,
    logger: new Logger({ logLevel: 'SILENT' }),
  });
  const ask = async (accept: string) =>
    String((await handler({ pathParameters: { code: CODE }, headers: { accept } })).body);
  return { json: JSON.parse(await ask('application/json')), html: await ask('text/html') };
};

/** The page's plain rows, term by term, as a visitor reads them (the hashes, in <code>, left out). */
const rowsOf = (html: string) =>
  Object.fromEntries([...html.matchAll(/<dt>([^<]*)<\/dt><dd>([^<]*)<\/dd>/g)].map(([, term, value]) => [term, value]));

describe('the verification answer says what the document awards', () => {
  it('a certificate of merit: the grade, the masked recipient and unit', async () => {
    const { json, html } = await answers(verificationOf('commendation-qiu-shuhua', 'certificate'));
    expect(json).toMatchObject({ award: '嘉奖', recipient: '邱*', unit: '阿拉善盟阿左旗公安局***派出所' });
    expect(rowsOf(html)).toMatchObject({ 奖励: '嘉奖', 对象: '邱*', 单位: '阿拉善盟阿左旗公安局***派出所' });
    expect(html).not.toContain('额鲁特路');
    const merit = await answers(verificationOf('merit-he-jianhua', 'certificate'));
    expect(merit.json).toMatchObject({ award: '追记个人一等功', unit: '兴安盟突泉县公安局' });
    expect(rowsOf(merit.html)).toMatchObject({ 奖励: '追记个人一等功', 单位: '兴安盟突泉县公安局' });
  });

  it('an honorary title: its name', async () => {
    const { json, html } = await answers(verificationOf('honorary-title-he-jianhua', 'certificate'));
    expect(json.award).toBe('追授“全国公安系统二级英雄模范”荣誉称号');
    expect(rowsOf(html).奖励).toBe('追授“全国公安系统二级英雄模范”荣誉称号');
  });

  it('a commendation order: its 文号, its awards counted and how many it names', async () => {
    const { json, html } = await answers(verificationOf('commendation-order-2020-12', 'commendation-order'));
    const award = '追记个人一等功1名、追记个人二等功1名、个人三等功2名、嘉奖3名';
    expect(json).toMatchObject({ documentNumber: '内公奖〔2020〕12号', award, awardees: 7 });
    expect(rowsOf(html)).toMatchObject({ 文号: '内公奖〔2020〕12号', 奖励: award, 受奖者数: '7' });
  });

  it('a praise bulletin: its 文号 and whom it praises', async () => {
    const { json, html } = await answers(verificationOf('praise-bulletin-2020-18', 'praise-bulletin'));
    expect(json).toMatchObject({ documentNumber: '内公奖〔2020〕18号', award: '表扬集体4个、个人4名', awardees: 8 });
    expect(rowsOf(html)).toMatchObject({ 文号: '内公奖〔2020〕18号', 表扬: '表扬集体4个、个人4名', 受奖者数: '8' });
  });

  it('a telegram: its kind, 慰问电 or 唁电, once on the page', async () => {
    const sympathy = await answers(verificationOf('telegram-sympathy-sun-dejian', 'telegram'));
    expect(sympathy.json).toMatchObject({ title: '慰问电', award: '慰问电', recipient: '孙*同志' });
    expect(rowsOf(sympathy.html)).toMatchObject({ 文书: '慰问电', 对象: '孙*同志' });
    const condolence = await answers(verificationOf('telegram-condolence-he-jianhua', 'telegram'));
    expect(condolence.json).toMatchObject({ title: '唁电', award: '唁电', recipient: '何*同志家属' });
    expect(rowsOf(condolence.html)).toMatchObject({ 文书: '唁电', 对象: '何*同志家属' });
    expect(rowsOf(condolence.html)).not.toHaveProperty('类别');
  });

  it('the statistics bulletin: its 文号 and the totals it reports', async () => {
    const records = ['merit-he-xia', 'merit-he-jianhua', 'commendation-qiu-shuhua', 'honorary-title-he-jianhua'];
    const cutoff = '2020-03-05T00:00:00Z';
    const figures = compileFigures(
      records.map((name) => exampleRecord(name)),
      cutoff,
    );
    const marks = new VerificationMarks({ key: async () => new Uint8Array(32) }, 'https://verify.example.org');
    const { holder: _holder, ...bulletin } = await bulletinVerification(
      marks,
      figures,
      { name: '内蒙古自治区公安厅' },
      '内公奖〔2020〕20号',
      'c'.repeat(64),
    );
    const { json, html } = await answers({ status: 'valid', ...bulletin });
    const award = '战时记功2个、嘉奖1个、荣誉称号1个（全区合计）';
    expect(json).toMatchObject({ title: '统计通报', documentNumber: '内公奖〔2020〕20号', award });
    expect(rowsOf(html)).toMatchObject({ 文书: '统计通报', 文号: '内公奖〔2020〕20号', 统计: award });
  });

  it('shows a document stored before awards were recorded with what it has, inventing nothing', async () => {
    const { award: _award, unit: _unit, ...earlier } = documentFacts(exampleRecord('merit-he-xia'), 'certificate');
    const { json, html } = await answers({ status: 'valid', ...stored, kind: 'certificate', ...earlier });
    expect(json).not.toHaveProperty('award');
    expect(json).not.toHaveProperty('unit');
    expect(json).not.toHaveProperty('awardees');
    expect(Object.keys(rowsOf(html))).toEqual(['文书', '对象', '发文机关', '日期', '版本', '核验码']);
  });
});

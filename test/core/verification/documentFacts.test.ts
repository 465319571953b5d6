import { describe, expect, it } from 'vitest';
import { documentFacts } from '../../../functions/core/verification/DocumentFacts.js';
import { exampleJson, exampleRecord } from '../../support/examples.js';

const facts = (name: string, kind: string, changes: Record<string, unknown> = {}) =>
  documentFacts(exampleRecord(name, changes), kind);

describe('what a document’s verification page states', () => {
  it('gives a certificate’s award, and an individual’s unit masked', () => {
    expect(facts('merit-he-xia', 'certificate')).toMatchObject({
      title: '荣誉证书',
      award: '个人三等功',
      recipient: '贺*',
      unit: '鄂尔多斯市乌审旗公安局',
    });
    expect(facts('merit-he-jianhua', 'certificate')).toMatchObject({ award: '追记个人一等功', recipient: '何*' });
    expect(facts('commendation-qiu-shuhua', 'certificate')).toMatchObject({
      award: '嘉奖',
      recipient: '邱*',
      unit: '阿拉善盟阿左旗公安局***派出所',
    });
    expect(facts('honorary-title-he-jianhua', 'certificate')).toMatchObject({
      award: '追授“全国公安系统二级英雄模范”荣誉称号',
      unit: '兴安盟突泉县公安局',
    });
  });

  it('names a collective in full, with its award and no unit of its own', () => {
    const collective = facts('merit-wulanchabu-hubei-escort-team', 'certificate');
    expect(collective).toMatchObject({
      award: '集体二等功',
      recipient: '乌兰察布市公安局赴湖北护送防疫物资民警辅警集体',
    });
    expect(collective).not.toHaveProperty('unit');
  });

  it('counts an order’s awards and awardees beside its 文号, naming no one', () => {
    const order = facts('commendation-order-2020-12', 'commendation-order');
    expect(order).toMatchObject({
      title: '嘉奖令',
      documentNumber: '内公奖〔2020〕12号',
      award: '追记个人一等功1名、追记个人二等功1名、个人三等功2名、嘉奖3名',
      awardees: 7,
    });
    expect(order).not.toHaveProperty('unit');
  });

  it('says what a praise bulletin praises and how many, beside its 文号', () => {
    expect(facts('praise-bulletin-2020-18', 'praise-bulletin')).toMatchObject({
      title: '表扬通报',
      documentNumber: '内公奖〔2020〕18号',
      award: '表扬集体4个、个人4名',
      awardees: 8,
    });
  });

  it('gives a telegram’s kind, 慰问电 or 唁电', () => {
    expect(facts('telegram-sympathy-sun-dejian', 'telegram')).toMatchObject({
      title: '慰问电',
      award: '慰问电',
      recipient: '孙*同志',
    });
    expect(facts('telegram-condolence-he-jianhua', 'telegram')).toMatchObject({
      title: '唁电',
      award: '唁电',
      recipient: '何*同志家属',
    });
  });

  it('follows the record’s version: a grade corrected upward shows on the new version’s page', () => {
    const recipient = exampleJson('merit-he-xia').recipient;
    expect(facts('merit-he-xia', 'certificate', { grade: 1, version: 2, recipient })).toMatchObject({
      award: '个人一等功',
    });
  });
});

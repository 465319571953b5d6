import { describe, expect, it } from 'vitest';
import { maskedUnit } from '../../../functions/core/verification/maskedUnit.js';

describe('masking units on the verification page', () => {
  it('keeps the police head and the kind of unit, and masks the name between', () => {
    expect(maskedUnit('乌兰察布市公安局集宁区新华街派出所')).toBe('乌兰察布市公安局***派出所');
    expect(maskedUnit('呼伦贝尔市海拉尔区公安分局呼伦街派出所')).toBe('呼伦贝尔市海拉尔区公安分局***派出所');
    expect(maskedUnit('阿拉善盟阿左旗公安局额鲁特路派出所')).toBe('阿拉善盟阿左旗公安局***派出所');
    expect(maskedUnit('阿拉善盟阿左旗公安局刑侦大队')).toBe('阿拉善盟阿左旗公安局***大队');
    expect(maskedUnit('内蒙古自治区公安厅刑侦总队')).toBe('内蒙古自治区公安厅***总队');
  });

  it('keeps the last head and the last suffix of a nested unit, so its depth is not told', () => {
    expect(maskedUnit('呼伦贝尔市公安局海拉尔分局巴彦托海派出所')).toBe('呼伦贝尔市公安局海拉尔分局***派出所');
    expect(maskedUnit('鄂尔多斯市公安局交通管理支队东胜区大队')).toBe('鄂尔多斯市公安局***大队');
  });

  it('hides the length of the masked name', () => {
    expect(maskedUnit('乌海市公安局新华派出所')).toBe(maskedUnit('乌海市公安局海勃湾区滨河街道派出所'));
  });

  it('keeps the places a unit outside the police lies in', () => {
    expect(maskedUnit('巴彦淖尔市临河区车站街道')).toBe('巴彦淖尔市临河区***街道');
    expect(maskedUnit('巴彦淖尔市临河区车站街道光明社区')).toBe('巴彦淖尔市临河区***社区');
  });

  it('shows a unit that is its head alone in full: there is nothing smaller in it to find', () => {
    expect(maskedUnit('鄂尔多斯市乌审旗公安局')).toBe('鄂尔多斯市乌审旗公安局');
    expect(maskedUnit(' 乌海市公安局 ')).toBe('乌海市公安局');
  });

  it('masks all but the kind of a unit it cannot place', () => {
    expect(maskedUnit('满洲里边境管理支队')).toBe('***支队');
    expect(maskedUnit('某某服务公司')).toBe('***');
  });
});

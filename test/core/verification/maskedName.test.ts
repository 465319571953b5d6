import { describe, expect, it } from 'vitest';
import { maskedAddressee, maskedName } from '../../../functions/core/verification/maskedName.js';

describe('masking names on the verification page', () => {
  it('keeps a person’s first character and hides the rest and its length behind one *', () => {
    expect(maskedName('贺霞')).toBe('贺*');
    expect(maskedName('何建华')).toBe('何*');
    expect(maskedName('乌力吉·巴雅尔')).toBe('乌*');
    expect(maskedName('𠮷野')).toBe('𠮷*');
    expect(maskedName('策')).toBe('策');
  });

  it('masks a person named in an addressee, and shows a unit’s in full, without the colon', () => {
    expect(maskedAddressee('何建华同志家属：')).toBe('何*同志家属');
    expect(maskedAddressee('孙德健同志：')).toBe('孙*同志');
    expect(maskedAddressee('各盟市公安局，厅机关各部门：')).toBe('各盟市公安局，厅机关各部门');
  });
});

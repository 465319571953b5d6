import { describe, expect, it } from 'vitest';
import { RecordFault } from '../../../functions/core/errors.js';
import { validateRecord } from '../../../functions/core/records/index.js';
import { commendationOrderInput, meritInput } from './recordFactory.js';
import { validationErrorFor } from './validationError.js';

describe('validateRecord', () => {
  it('returns the record with defaults filled in', () => {
    const record = validateRecord(meritInput());
    expect(record).toMatchObject({ version: 1, posthumous: false, deliveries: [] });
    // No seal text of the record's own: the registry gives the seal.
    expect(record.authority).toEqual({ name: '内蒙古自治区公安厅', code: '内公奖' });
  });

  it('trims strings', () => {
    const record = validateRecord(meritInput({ deed: '  在新冠肺炎疫情防控工作中表现突出 ' }));
    expect(record.kind === 'merit' && record.deed).toBe('在新冠肺炎疫情防控工作中表现突出');
  });

  it('names the record and every problem in one message', () => {
    const recipient = { type: 'individual', role: '民警', unit: '乌海市公安局' };
    const error = validationErrorFor(meritInput({ recipient, grade: 4 }));
    expect(error.name).toBe('RecordValidationError');
    expect(error).toBeInstanceOf(RecordFault);
    expect(error.recordId).toBe('merit-test');
    expect(error.message).toBe('record merit-test: recipient.name: required; grade: must be 1, 2 or 3');
    expect(error.issues).toEqual([
      { path: 'recipient.name', message: 'required' },
      { path: 'grade', message: 'must be 1, 2 or 3' },
    ]);
  });

  it('has no record id when the input has no usable one', () => {
    const error = validationErrorFor(meritInput({ id: 'has spaces' }));
    expect(error.recordId).toBeUndefined();
    expect(error.message).toMatch(/^record \(no readable id\): id: must be 1 to 64 letters/);
  });

  it('refuses a value of punctuation alone, naming the field', () => {
    expect(validationErrorFor(meritInput({ deed: '。' })).issues).toEqual([
      { path: 'deed', message: 'must contain words, not punctuation alone' },
    ]);
    expect(validationErrorFor(meritInput({ deed: '……！' })).issues).toHaveLength(1);
    expect(validateRecord(meritInput({ deed: '2020' }))).toMatchObject({ deed: '2020' });
  });

  it('rejects input that is not an object', () => {
    expect(validationErrorFor('merit').issues).toEqual([{ path: '', message: 'must be an object' }]);
  });

  it('rejects a region that is not a 盟市 or 自治区, listing the choices', () => {
    const error = validationErrorFor(meritInput({ region: '北京市' }));
    expect(error.issues).toEqual([
      { path: 'region', message: expect.stringMatching(/^must be one of: 呼和浩特市, 包头市, .*阿拉善盟, 自治区$/) },
    ]);
  });

  it('rejects unknown fields, at the top level and nested', () => {
    const error = validationErrorFor(meritInput({ grde: 3, authority: { name: '内蒙古自治区公安厅', seal: '…' } }));
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { path: 'grde', message: 'unknown field' },
        { path: 'authority.seal', message: 'unknown field' },
      ]),
    );
  });

  it('rejects an unknown or missing kind', () => {
    expect(validationErrorFor(meritInput({ kind: 'medal' })).issues).toEqual([
      { path: 'kind', message: expect.stringMatching(/^must be one of: merit, commendation, /) },
    ]);
    expect(validationErrorFor(meritInput({ kind: undefined })).issues).toEqual([{ path: 'kind', message: 'required' }]);
  });

  it('requires approvedAt when the status is APPROVED', () => {
    expect(validationErrorFor(meritInput({ status: 'APPROVED' })).issues).toEqual([
      { path: 'approvedAt', message: 'required when status is APPROVED' },
    ]);
  });

  it('requires revokedAt and revocationReason when the status is REVOKED', () => {
    const input = meritInput({ status: 'REVOKED', approvedAt: '2020-02-05T10:00:00+08:00' });
    expect(validationErrorFor(input).issues).toEqual([
      { path: 'revokedAt', message: 'required when status is REVOKED' },
      { path: 'revocationReason', message: 'required when status is REVOKED' },
    ]);
  });

  it('reports the status rule together with other problems', () => {
    const paths = validationErrorFor(meritInput({ status: 'APPROVED', grade: 0 })).issues.map((issue) => issue.path);
    expect(paths).toEqual(['grade', 'approvedAt']);
  });

  it.each(['2020-02-05', '2020-02-05T10:30:00', '2020-02-30T10:30:00+08:00', '5 Feb 2020'])(
    'rejects %s as a date-time (an offset is required)',
    (approvedAt) => {
      expect(validationErrorFor(meritInput({ status: 'APPROVED', approvedAt })).issues).toEqual([
        { path: 'approvedAt', message: expect.stringMatching(/^must be an ISO 8601 date-time/) },
      ]);
    },
  );

  it('accepts date-times with an offset or Z', () => {
    for (const approvedAt of ['2020-02-05T10:30:00+08:00', '2020-02-05T02:30:00Z', '2020-02-05T10:30:00.250+08:00']) {
      expect(() => validateRecord(meritInput({ status: 'APPROVED', approvedAt }))).not.toThrow();
    }
  });

  it('rejects empty and blank strings', () => {
    expect(validationErrorFor(meritInput({ deed: '   ' })).issues).toEqual([
      { path: 'deed', message: 'must not be empty' },
    ]);
  });

  it.each(['张\n鹏', '张\t鹏', '张\u0000鹏', '张\u2028鹏'])(
    'rejects line breaks and control characters (%j)',
    (name) => {
      const recipient = { type: 'individual', name, role: '民警', unit: '乌海市公安局' };
      expect(validationErrorFor(meritInput({ recipient })).issues).toEqual([
        { path: 'recipient.name', message: 'must not contain line breaks or control characters' },
      ]);
    },
  );

  it('caps the length of names', () => {
    const recipient = { type: 'individual', name: '张'.repeat(41), role: '民警', unit: '乌海市公安局' };
    expect(validationErrorFor(meritInput({ recipient })).issues).toEqual([
      { path: 'recipient.name', message: 'must be at most 40 characters' },
    ]);
  });

  it.each(['乌力吉·巴雅尔', '刘䶮', '𠈌明', '阿拉坦·敖其尔·𠈌'])('accepts the name %s', (name) => {
    const recipient = { type: 'individual', name, role: '辅警', unit: '锡林郭勒盟公安局' };
    const record = validateRecord(meritInput({ recipient }));
    expect(record.kind === 'merit' && record.recipient.name).toBe(name);
  });

  it('names list entries by index', () => {
    const awardees = [
      { name: '何建华', unit: '兴安盟突泉县公安局', award: '追记个人一等功' },
      { name: '', unit: '乌海市公安局', award: '嘉奖' },
    ];
    expect(validationErrorFor(commendationOrderInput({ awardees })).issues).toEqual([
      { path: 'awardees[1].name', message: 'must not be empty' },
    ]);
  });

  it('requires at least one awardee', () => {
    expect(validationErrorFor(commendationOrderInput({ awardees: [] })).issues).toEqual([
      { path: 'awardees', message: 'must not be empty' },
    ]);
  });

  it.each([
    '内公奖〔2020〕012号',
    '内公奖[2020]12号',
    '内公奖【2020】12号',
    '内公奖〔20〕12号',
    '〔2020〕12号',
    '内公奖〔2020〕12',
  ])('rejects the document number %s', (documentNumber) => {
    expect(validationErrorFor(commendationOrderInput({ documentNumber })).issues).toEqual([
      { path: 'documentNumber', message: expect.stringMatching(/^must look like 内公奖〔2020〕12号/) },
    ]);
  });

  it('accepts a well-formed document number', () => {
    expect(() => validateRecord(commendationOrderInput({ documentNumber: '内公奖〔2020〕12号' }))).not.toThrow();
  });

  it('accepts a collective recipient with a member count', () => {
    const recipient = { type: 'collective', name: '乌兰察布市公安局赴湖北护送防疫物资民警辅警集体', memberCount: 9 };
    expect(validateRecord(meritInput({ recipient, grade: 2 }))).toMatchObject({ recipient });
  });

  it('rejects a non-integer version', () => {
    expect(validationErrorFor(meritInput({ version: 0 })).issues).toEqual([
      { path: 'version', message: 'must be at least 1' },
    ]);
    expect(validationErrorFor(meritInput({ version: 1.5 })).issues).toEqual([
      { path: 'version', message: 'must be an integer' },
    ]);
  });

  it('names the expected type when a value has the wrong one', () => {
    expect(validationErrorFor(meritInput({ posthumous: 'yes' })).issues).toEqual([
      { path: 'posthumous', message: 'must be true or false' },
    ]);
  });
});

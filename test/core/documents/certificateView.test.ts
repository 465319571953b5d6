import { describe, expect, it } from 'vitest';
import { certificateView } from '../../../functions/core/documents/certificateView.js';
import { commendationOrderView } from '../../../functions/core/documents/commendationOrderView.js';
import { telegramView } from '../../../functions/core/documents/telegramView.js';
import { documentsFor } from '../../../functions/core/documents/DocumentKind.js';
import type {
  CommendationOrderRecord,
  RecipientAwardRecord,
  TelegramRecord,
} from '../../../functions/core/records/index.js';
import { exampleJson, exampleRecord } from '../../support/examples.js';

const award = (name: string, changes: Record<string, unknown> = {}) =>
  exampleRecord(name, changes) as RecipientAwardRecord;

describe('what documents print', () => {
  it('words each kind of award as a certificate does', () => {
    expect(certificateView(award('merit-zhang-peng')).citation).toMatch(/，荣记个人三等功。$/);
    expect(certificateView(award('merit-li-xiaohuan')).citation).toMatch(/，追记个人二等功。$/);
    expect(certificateView(award('merit-wulanchabu-hubei-escort-team')).citation).toMatch(/，荣记集体二等功。$/);
    expect(certificateView(award('commendation-ce-ren')).citation).toMatch(/，予以嘉奖。$/);
    expect(certificateView(award('honorary-title-he-jianhua')).citation).toMatch(
      /被追授“全国公安系统二级英雄模范”荣誉称号。$/,
    );
  });

  it('does not double the punctuation when the deed ends in ！？：…… or their ASCII forms', () => {
    for (const end of ['！', '？', '：', '……', '!', '?', ':', '。 ']) {
      expect(certificateView(award('merit-zhang-peng', { deed: `在疫情防控工作中表现突出${end}` })).citation, end).toBe(
        '在疫情防控工作中表现突出，荣记个人三等功。',
      );
    }
  });

  it('does not double the punctuation when the deed was typed with a full stop', () => {
    expect(certificateView(award('merit-zhang-peng', { deed: '在疫情防控工作中表现突出。' })).citation).toBe(
      '在疫情防控工作中表现突出，荣记个人三等功。',
    );
  });

  it('keeps the gap between the title and the name of who signs', () => {
    const order = exampleRecord('commendation-order-2020-12', {
      signatory: { title: '厅长', name: '（签发人）' },
    }) as CommendationOrderRecord;
    expect(commendationOrderView(order).signatory).toBe('厅长\u3000（签发人）');
  });

  it('addresses a person as 同志 and a collective by its name', () => {
    expect(certificateView(award('merit-zhang-peng')).recipientLine).toBe('张鹏同志：');
    const team = award('merit-wulanchabu-hubei-escort-team');
    expect(certificateView(team).recipientLine).toBe(`${team.recipient.name}：`);
  });

  it('needs the approval time and the allocated number, and invents neither', () => {
    const { approvedAt: _approvedAt, ...submitted } = exampleJson('merit-zhang-peng');
    expect(() =>
      certificateView(
        exampleRecord('merit-zhang-peng', {
          ...submitted,
          status: 'SUBMITTED',
          approvedAt: undefined,
        }) as RecipientAwardRecord,
      ),
    ).toThrow('record merit-zhang-peng: approvedAt: required to render documents');
    const { documentNumber: _number, ...order } = exampleJson('commendation-order-2020-12');
    const unnumbered = exampleRecord('commendation-order-2020-12', {
      ...order,
      documentNumber: undefined,
    }) as CommendationOrderRecord;
    expect(() => commendationOrderView(unnumbered)).toThrow('documentNumber: required to render a commendation order');
  });

  it('gives each kind of record its documents', () => {
    expect(documentsFor(exampleRecord('merit-zhang-peng'))).toEqual(['certificate']);
    expect(documentsFor(exampleRecord('commendation-order-2020-12'))).toEqual(['commendation-order']);
    expect(documentsFor(exampleRecord('telegram-sympathy-sun-dejian'))).toEqual(['telegram']);
    expect(documentsFor(exampleRecord('praise-bulletin-2020-18'))).toEqual(['praise-bulletin']);
  });

  it('gives a telegram’s PDF the subject its variant names: 唁电 or 慰问电', () => {
    const subject = (name: string) => telegramView(exampleRecord(name) as TelegramRecord).metadata.subject;
    expect([subject('telegram-condolence-he-jianhua'), subject('telegram-sympathy-sun-dejian')]).toEqual([
      '唁电',
      '慰问电',
    ]);
  });
});

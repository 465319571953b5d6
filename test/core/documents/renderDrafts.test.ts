import { describe, expect, it } from 'vitest';
import { renderDrafts } from '../../../functions/core/documents/renderDrafts.js';
import { RecordFault } from '../../../functions/core/errors.js';
import { exampleJson } from '../../support/examples.js';
import { pdfText } from '../../support/poppler.js';

const own = { name: '内蒙古自治区公安厅', code: '内公奖' };
const NOW = new Date('2026-12-07T02:00:00Z');
const pagesOf = (text: string) => text.split('\f').filter((page) => page.trim() !== '');
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('drafts', () => {
  it('mark every page 样稿 in its text, leave the 文号’s serial open, and carry no verification code', async () => {
    const [draft] = await renderDrafts({ ...exampleJson('commendation-order-2020-12'), status: 'SUBMITTED' } as never, {
      ownAuthority: own,
      now: NOW,
    });
    const text = pdfText(draft!.bytes);
    const pages = pagesOf(text);
    expect(pages.length).toBe(draft!.pages);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain('样稿');
    expect(text).toContain('内公奖〔2020〕×号');
    expect(text).not.toMatch(/内公奖〔2020〕\d+号/);
    // The diagonal mark stays out of the body's text: words read whole.
    expect(text.replace(/\s+/g, '')).toContain('追记李晓欢同志个人二等功');
    expect(text).not.toMatch(/[A-Z2-7]{5}-[A-Z2-7]{5}-[A-Z2-7]{5}-[A-Z2-7]{5}/);
  });

  it('are unsigned: no signature field, no byte range', async () => {
    const [draft] = await renderDrafts({ ...exampleJson('merit-zhang-peng'), status: 'SUBMITTED' } as never, {
      now: NOW,
    });
    const text = pdfText(draft!.bytes).replace(/\s+/g, '');
    expect(text).toContain('样稿');
    // Dated the day it is drawn, as it would be if approved now.
    expect(text).toContain('二〇二六年十二月七日');
    expect(latin1(draft!.bytes)).not.toContain('/ByteRange');
    expect(latin1(draft!.bytes)).not.toContain('/Sig');
  });

  it('fail as the issued documents would, naming the field', async () => {
    const record = exampleJson('merit-zhang-peng') as { recipient: object };
    const refused = await renderDrafts({ ...record, recipient: { ...record.recipient, name: '张😀' } } as never, {
      now: NOW,
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RecordFault);
    expect((refused as RecordFault).field).toBe('recipient.name');
  });

  it('refuse an authority the registry does not know, and a numbered kind of one with no numbering code', async () => {
    const order = exampleJson('commendation-order-2020-12') as { authority: object };
    const draw = (authority: object) =>
      renderDrafts({ ...order, authority } as never, { ownAuthority: own, now: NOW }).catch((error: unknown) => error);
    const unknown = await draw({ name: '某市公安局' });
    expect((unknown as RecordFault).field).toBe('authority');
    expect((unknown as Error).message).toContain('"某市公安局" is not a registered authority');
    const uncoded = await draw({ name: '巴彦淖尔市公安局临河区分局' });
    expect((uncoded as Error).message).toContain('authority.code: required to number');
  });

  it('print the registry’s seal, never one the record brings', async () => {
    const record = exampleJson('merit-zhang-peng') as { authority: object };
    const refused = await renderDrafts(
      { ...record, authority: { name: '呼伦贝尔市海拉尔区公安分局', sealText: '中华人民共和国公安部' } } as never,
      { now: NOW },
    ).catch((error: unknown) => error);
    expect((refused as RecordFault).field).toBe('authority.sealText');
  });
});

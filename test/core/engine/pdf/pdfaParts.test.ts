import { execFileSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';
import { PDFDocument, type PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { embedCidSet } from '../../../../functions/core/engine/pdf/cidSet.js';
import { srgbProfile } from '../../../../functions/core/engine/pdf/pdfa/srgbProfile.js';
import { xmpMetadata } from '../../../../functions/core/engine/pdf/pdfa/xmpMetadata.js';
import { toTempFile } from '../../../support/poppler.js';

const FIELDS = {
  title: '嘉奖令 <第1号> & "附件"',
  author: '内蒙古自治区公安厅',
  subject: '集体嘉奖',
  keywords: ['嘉奖', 'R&D'],
  language: 'zh-CN',
  date: new Date('2020-03-02T08:30:00+08:00'),
  identity: 'record/kind/1',
  creatorTool: 'wartime-awards-documents',
  producer: 'pdf-lib',
};

describe('the XMP packet', () => {
  it('escapes the record’s text, stays well-formed, and gives the Info dictionary’s UTC date', () => {
    const xmp = xmpMetadata(FIELDS);
    execFileSync('xmllint', ['--noout', toTempFile(Buffer.from(xmp), 'xmp.xml')]);
    expect(xmp).toContain('嘉奖令 &lt;第1号&gt; &amp; &quot;附件&quot;');
    expect(xmp).toContain('<pdf:Keywords>嘉奖 R&amp;D</pdf:Keywords>');
    expect(xmp).toContain('<xmp:CreateDate>2020-03-02T00:30:00Z</xmp:CreateDate>');
    expect(xmpMetadata(FIELDS)).toBe(xmp);
  });
});

describe('the CIDSet', () => {
  it('sets one bit per CID, most significant first, CID 0 included', async () => {
    const document = await PDFDocument.create();
    const ref = embedCidSet(document.context, [1, 2, 9]);
    const bits = inflateSync((document.context.lookup(ref) as PDFRawStream).contents);
    expect([...bits]).toEqual([0b1110_0000, 0b0100_0000]);
  });
});

describe('the sRGB profile', () => {
  it('is an ICC v2 RGB display profile, read once', () => {
    const profile = Buffer.from(srgbProfile());
    expect(profile.readUInt8(8)).toBe(2);
    expect(profile.toString('latin1', 12, 20)).toBe('mntrRGB ');
    expect(srgbProfile()).toBe(srgbProfile());
  });
});

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DocumentEngine } from '../../../functions/core/engine/DocumentEngine.js';
import { compileKeptBulletin } from '../../../functions/core/statistics/compileKeptBulletin.js';
import { bulletinKey } from '../../../functions/definitions/documentsBucket.js';
import { testSigner } from '../../support/developmentSignerForTests.js';
import { InMemoryAwardStore } from '../../support/InMemoryAwardStore.js';
import { InMemoryBulletinArchive } from '../../support/InMemoryBulletinArchive.js';
import { InMemoryHeldNumbers } from '../../support/InMemoryHeldNumbers.js';
import { toTempFile } from '../../support/poppler.js';

const CUTOFF = '2020-03-05T00:00:00Z';

describe('compileKeptBulletin with a signer', () => {
  it('archives the bulletin signed, its recorded SHA-256 the signed bytes’', async () => {
    const archive = new InMemoryBulletinArchive();
    await compileKeptBulletin(CUTOFF, {
      figures: { read: async () => new Map() },
      archive,
      engine: DocumentEngine.shared(),
      numbers: new InMemoryHeldNumbers(new InMemoryAwardStore()),
      authority: { name: '内蒙古自治区公安厅', code: '内公奖' },
      signer: testSigner(),
    });
    const pdf = archive.pdfs.get(bulletinKey(CUTOFF, 'pdf'))!;
    const report = execFileSync('pdfsig', [toTempFile(pdf)], { encoding: 'utf8' });
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signature Field Name: 内蒙古自治区公安厅');
    const kept = (await archive.get(CUTOFF))!;
    expect(kept.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
  });
});

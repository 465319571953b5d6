import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulletinKey } from '../../functions/definitions/documentsBucket.js';
import { freePort } from '../../local/ports.js';
import { pdfText } from '../support/poppler.js';

/** The keys of the bulletin objects the S3 server keeps under its folder (whatever files it keeps beside each). */
function storedBulletinKeys(s3Folder: string): string[] {
  const keys = readdirSync(s3Folder, { recursive: true, encoding: 'utf8' })
    .map((path) => /bulletins\/\d{8}T\d{6}Z\.(pdf|ofd|json)/.exec(path)?.[0])
    .filter((key) => key !== undefined);
  return [...new Set(keys)].sort();
}

describe('npm start -- --once', () => {
  it('renders every example, prints where each document is, and exits 0; again, takes no second 文号', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'awards-start-'));
    const out = join(dir, 'out');
    const args = [
      'scripts/start.ts',
      '--once',
      '--dynamodb-port',
      String(await freePort()),
      '--s3-port',
      String(await freePort()),
      '--api-port',
      String(await freePort()),
      '--data',
      join(dir, 'data'),
      '--out',
      out,
    ];
    const start = () => spawnSync(join('node_modules', '.bin', 'tsx'), args, { encoding: 'utf8', timeout: 120_000 });
    const result = start();
    expect(result.status, result.stderr).toBe(0);
    const examples = readdirSync('examples').filter((file) => file.endsWith('.json'));
    const rows = result.stdout.split('\n').filter((line) => line.includes(`${out}/awards/`));
    expect(rows).toHaveLength(examples.length);
    for (const row of rows) {
      const [, , path, bytes] = row.trim().split(/\s{2,}/);
      expect(existsSync(path!), row).toBe(true);
      expect(Number(bytes)).toBeGreaterThan(10_000);
    }
    expect(result.stdout).toContain(`${examples.length} documents stored in s3://award-documents`);
    // The statistics bulletin: the first of this year in cdk.json's code (the examples' numbers are of 2020).
    const [, documentNumber, bulletinPath] =
      /statistics bulletin (内公奖〔\d{4}〕1号) → (\S+\.pdf)\n/.exec(result.stdout) ?? [];
    expect(documentNumber, result.stdout).toBeDefined();
    const head = pdfText(readFileSync(bulletinPath!))
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .slice(0, 3);
    // The verification code printed under its QR code, at the upper left above the mark; then the 版头.
    expect(head[0]).toMatch(/^[A-Z2-7]{5}(-[A-Z2-7]{5}){3}$/);
    expect(head.slice(1)).toEqual(['内蒙古自治区公安厅', documentNumber]);
    expect(existsSync(join(dir, 'data', 'stack.json'))).toBe(false);

    // Started again on the same data, the same day: the figures are the bulletin's, so no new one.
    const restarted = start();
    expect(restarted.status, restarted.stderr).toBe(0);
    const [, since, sameNumber, samePath] =
      /statistics bulletin unchanged since (\S+) \((\S+)\) → (\S+\.pdf)\n/.exec(restarted.stdout) ?? [];
    expect(sameNumber, restarted.stdout).toBe(documentNumber);
    expect(samePath).toBe(bulletinPath);
    expect(join(out, bulletinKey(since!, 'pdf'))).toBe(bulletinPath);
    expect(storedBulletinKeys(join(dir, 'data', 's3'))).toEqual([
      bulletinKey(since!, 'json'),
      bulletinKey(since!, 'ofd'),
      bulletinKey(since!, 'pdf'),
    ]);
  }, 240_000);
});

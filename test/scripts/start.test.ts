import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../local/ports.js';
import { pdfText } from '../support/poppler.js';

describe('npm start -- --once', () => {
  it('renders every example through the local stack, prints where each document is, and exits 0', async () => {
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
    const result = spawnSync(join('node_modules', '.bin', 'tsx'), args, { encoding: 'utf8', timeout: 120_000 });
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
  }, 150_000);
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type { StaffPageFiles } from '../../functions/staffPage/staffPageResponse.js';

const HERE = import.meta.dirname;

/**
 * The staff page as served: its shell and style as written, its TypeScript bundled into one
 * browser module (the page shares the API's own labels and access rule with the functions).
 * Synchronous, so that a CDK construct can put it in the page function's asset.
 */
export function buildStaffPage(): StaffPageFiles {
  const result = buildSync({
    entryPoints: [join(HERE, 'main.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    write: false,
  });
  return new Map([
    ['index.html', readFileSync(join(HERE, 'index.html'), 'utf8')],
    ['style.css', readFileSync(join(HERE, 'style.css'), 'utf8')],
    ['app.js', result.outputFiles[0]!.text],
  ]);
}

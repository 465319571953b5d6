import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { developmentSigner } from '../../local/developmentSigner.js';

/** A development key and certificate made once per test file in a fresh directory. */
export const testSigner = (authority = '内蒙古自治区公安厅') =>
  developmentSigner(mkdtempSync(join(tmpdir(), 'awards-signing-')), authority);

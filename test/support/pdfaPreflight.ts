import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { toTempFile } from './poppler.js';

/** Debian's jars (libpdfbox2-java, libactivation-java, libjaxb-api-java) that Preflight runs on with Java 17. */
const JARS = ['preflight', 'pdfbox2', 'fontbox2', 'xmpbox', 'commons-logging', 'javax.activation', 'jaxb-api'].map(
  (name) => `/usr/share/java/${name}.jar`,
);

export const preflightAvailable = JARS.every((jar) => existsSync(jar));

export interface PreflightResult {
  readonly valid: boolean;
  /** Each error Preflight reports: its code and message. */
  readonly errors: readonly string[];
  readonly output: string;
}

/**
 * Runs Apache PDFBox Preflight's PDF/A-1b validator on a document. It prints "… is a valid PDF/A-1b
 * file" or "… is not valid, error(s) :" followed by one "code : message" line per error.
 */
export function preflightA1b(bytes: Uint8Array, name = 'document.pdf'): PreflightResult {
  const file = toTempFile(bytes, name);
  const run = spawnSync('java', ['-cp', JARS.join(':'), 'org.apache.pdfbox.preflight.Validator_A1b', file], {
    encoding: 'utf8',
  });
  const output = `${run.stdout}${run.stderr}`;
  const valid = run.status === 0 && output.includes('is a valid PDF/A-1b file');
  const errors = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^\d+(\.\d+)* : /.test(line));
  return { valid, errors, output };
}

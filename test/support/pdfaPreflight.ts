import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { toTempFile } from './poppler.js';

/** Debian's jars (libpdfbox2-java, libactivation-java, libjaxb-api-java) that Preflight runs on with Java 17. */
const JARS = ['preflight', 'pdfbox2', 'fontbox2', 'xmpbox', 'commons-logging', 'javax.activation', 'jaxb-api'].map(
  (name) => `/usr/share/java/${name}.jar`,
);

export const preflightAvailable = JARS.every((jar) => existsSync(jar));

export interface PreflightResult {
  readonly valid: boolean;
  /** Each error Preflight reports, as "code : message". */
  readonly errors: readonly string[];
  readonly output: string;
}

/**
 * Runs Apache PDFBox Preflight's PDF/A-1b validator on a document. It prints "… is a valid PDF/A-1b
 * file" or "… is not a valid PDF/A-1b file, error(s) :" and one "code : message" line per error.
 * Asynchronous, so several documents are checked at once (each is a JVM start, about a second).
 */
export async function preflightA1b(bytes: Uint8Array, name = 'document.pdf'): Promise<PreflightResult> {
  const file = toTempFile(bytes, name);
  const output = await new Promise<string>((resolve) => {
    execFile('java', ['-cp', JARS.join(':'), 'org.apache.pdfbox.preflight.Validator_A1b', file], (_error, out, err) =>
      resolve(`${out}${err}`),
    );
  });
  const errors = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^\d+(\.\d+)* : /.test(line));
  const valid = errors.length === 0 && output.includes(`${name} is a valid PDF/A-1b file`);
  return { valid, errors, output };
}

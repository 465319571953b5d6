import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const JAVA_LIBRARIES = '/usr/share/java';
/** Preflight and what it needs on Java 17 (Debian: libpdfbox2-java, libactivation-java, libjaxb-api-java). */
const PREFLIGHT_JARS = [
  /^preflight/,
  /^pdfbox2?\.jar$|^pdfbox-\d/,
  /^fontbox/,
  /^xmpbox/,
  /^commons-logging/,
  /activation/,
  /jaxb-api/,
];

/** The classpath for PDFBox's Preflight from Debian's jars, or undefined when they (or java) are absent. */
function preflightClasspath(): string | undefined {
  if (!existsSync(JAVA_LIBRARIES) || spawnSync('java', ['-version']).error) return undefined;
  const jars = readdirSync(JAVA_LIBRARIES).filter((name) => name.endsWith('.jar'));
  const found = PREFLIGHT_JARS.map((pattern) => jars.find((jar) => pattern.test(jar)));
  if (found.slice(0, 4).some((jar) => jar === undefined)) return undefined;
  return found
    .filter((jar) => jar !== undefined)
    .map((jar) => join(JAVA_LIBRARIES, jar))
    .join(':');
}

/** "valid PDF/A-1b", "NOT PDF/A-1b: <first problem>", or "not checked" without a validator. */
export function pdfaStatus(file: string): string {
  const classpath = preflightClasspath();
  if (classpath === undefined) return 'not checked (no PDFBox Preflight)';
  const run = spawnSync('java', ['-cp', classpath, 'org.apache.pdfbox.preflight.Validator_A1b', file], {
    encoding: 'utf8',
  });
  const output = `${run.stdout}${run.stderr}`;
  if (/is a valid PDF\/A-1b file/.test(output)) return 'valid PDF/A-1b';
  const problem = output
    .split('\n')
    .find((line) => /^\s*\d+(\.\d+)*\s*:/.test(line))
    ?.trim();
  return `NOT PDF/A-1b${problem ? `: ${problem}` : ''}`;
}

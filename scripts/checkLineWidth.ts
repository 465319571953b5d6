// Biome formats to 120 columns but cannot break long strings, template literals or comments: this catches those.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const MAX_CHARACTERS = 120;

const files = execFileSync('git', ['ls-files', '*.ts'], { encoding: 'utf8' }).split('\n').filter(Boolean);
let found = 0;
for (const file of files) {
  for (const [i, line] of readFileSync(file, 'utf8').split('\n').entries()) {
    const characters = [...line].length;
    if (characters > MAX_CHARACTERS) {
      console.log(`${file}:${i + 1}: ${characters} characters`);
      found++;
    }
  }
}
process.exitCode = found > 0 ? 1 : 0;

/** Writes schemas/award-record.schema.json from the zod schema; a test fails if the file drifts. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { awardRecordJsonSchema } from '../functions/core/records/index.js';

const target = fileURLToPath(new URL('../schemas/award-record.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(awardRecordJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);

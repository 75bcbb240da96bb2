/**
 * `npm run levels:schema`: writes `levels/schema.json` from the zod level schema. A test
 * fails when the file on disk is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { levelJsonSchema } from '../levels/json-schema';

const target = fileURLToPath(new URL('../../levels/schema.json', import.meta.url));

try {
  writeFileSync(target, levelJsonSchema());
  process.stdout.write('wrote levels/schema.json\n');
} catch (error) {
  process.stderr.write(`levels:schema: cannot write ${target}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

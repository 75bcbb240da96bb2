/**
 * `levels/schema.json`, generated from the zod schema so editors autocomplete and check
 * level files (`"$schema": "./schema.json"`) against the same definition the game uses.
 */
import { z } from 'zod';
import { level } from './schema';

/**
 * The text of `levels/schema.json`. Input mode: fields with defaults are optional, as a
 * designer writes them. The id is a URN because the schema is not published at a URL.
 */
export function levelJsonSchema(): string {
  const { $schema, ...generated } = z.toJSONSchema(level, { io: 'input' });
  const document = {
    $schema,
    $id: 'urn:lifeline-bamako:level',
    title: 'Lifeline: Bamako level',
    description: 'A level of Lifeline: Bamako. Generated from src/levels/schema.ts by `npm run levels:schema`; do not edit by hand.',
    ...generated,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

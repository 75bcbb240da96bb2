/**
 * How the editor writes a level out: `$schema` first so that editors autocomplete the file,
 * then every field in the schema's order, two-space indentation like the shipped levels.
 * The live check parses exactly this text, so its line:col match the downloaded file.
 */
import { levelModel, type Draft } from './model';
import { orderBySchema } from './schema-form';

/** Where the schema is from a file in `levels/`. */
const SCHEMA_REF = './schema.json';

export function serialiseLevel(draft: Draft): string {
  const { $schema: _ignored, ...rest } = draft;
  return `${JSON.stringify(orderBySchema({ $schema: SCHEMA_REF, ...rest }, levelModel()), null, 2)}\n`;
}

/** `<id>.json` (levels are named after their id), or `level.json` while the id is not a valid one. */
export function levelFileName(draft: Draft): string {
  const id = draft.id;
  return typeof id === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(id) && id.length <= 64 ? `${id}.json` : 'level.json';
}

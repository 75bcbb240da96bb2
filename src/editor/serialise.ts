/**
 * How the editor writes a level out. A level opened from a file is written as that file with
 * the editor's changes made in place (text-edits.ts): what the designer did not touch keeps
 * its layout. A new level, or one whose text cannot be edited in place, is written afresh:
 * `$schema` first so that editors autocomplete the file, then every field in the schema's
 * order, two-space indentation like the shipped levels. The live check parses exactly this
 * text, so its line:col match the saved file.
 */
import { levelModel, type Draft } from './model';
import { modelAt, orderBySchema, type FieldModel } from './schema-form';
import { rewriteJson, type Layout } from './text-edits';

/** Where the schema is from a file in `levels/`. */
const SCHEMA_REF = './schema.json';

/** The text of the level: `source`, the file it was opened from, with the draft's changes; or a fresh text. */
export function serialiseLevel(draft: Draft, source?: string): string {
  const { $schema: _ignored, ...rest } = draft;
  const model = levelModel();
  if (source !== undefined) {
    const edited = rewriteJson(source, { $schema: SCHEMA_REF, ...rest }, schemaLayout(model));
    if (edited !== undefined) return edited;
  }
  return `${JSON.stringify(orderBySchema({ $schema: SCHEMA_REF, ...rest }, model), null, 2)}\n`;
}

/** New fields go where the schema puts them (`$schema` first), and new values are written in the schema's order. */
function schemaLayout(model: FieldModel): Layout {
  return {
    order(path) {
      const here = modelAt(model, path);
      const keys = here?.kind === 'object' ? here.fields.map((f) => f.key) : here?.kind === 'bilingual' ? ['en', 'fr'] : [];
      return path.length === 0 ? ['$schema', ...keys] : keys;
    },
    prepare: (path, value) => orderBySchema(value, modelAt(model, path)),
  };
}

/** `<id>.json` (levels are named after their id), or `level.json` while the id is not a valid one. */
export function levelFileName(draft: Draft): string {
  const id = draft.id;
  return typeof id === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(id) && id.length <= 64 ? `${id}.json` : 'level.json';
}

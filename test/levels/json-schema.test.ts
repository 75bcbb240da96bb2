import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { levelJsonSchema } from '../../src/levels/json-schema';

describe('levels/schema.json', () => {
  it('matches the zod level schema', () => {
    const onDisk = readFileSync(new URL('../../levels/schema.json', import.meta.url), 'utf8');
    expect(onDisk, 'levels/schema.json is stale: run `npm run levels:schema` and commit the result').toBe(levelJsonSchema());
  });

  it('describes a strict object with an id and a title for editors', () => {
    const schema = JSON.parse(levelJsonSchema()) as Record<string, unknown>;
    expect(schema).toMatchObject({ $id: 'urn:lifeline-bamako:level', type: 'object', additionalProperties: false });
    expect(schema.title).toBe('Lifeline: Bamako level');
  });
});

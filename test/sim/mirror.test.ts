/**
 * The game page validates share links and results with zod's mini build; its `effects`
 * and `text` mirror the level schema's. This keeps the two from drifting apart.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as zm from 'zod/mini';
import { effects, text } from '../../src/levels/schema';
import { effectsMini, textMini } from '../../src/sim/scenario';

/** The JSON Schema without the words meant for people. */
function shape(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(shape);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => !['description', 'examples', 'title', '$schema'].includes(key))
      .map(([key, value]) => [key, shape(value)]),
  );
}

describe('the mini schemas mirror the level schema', () => {
  it.each([
    ['effects', effects, effectsMini],
    ['text', text, textMini],
  ] as const)('%s', (_name, classic, mini) => {
    expect(shape(zm.toJSONSchema(mini))).toEqual(shape(z.toJSONSchema(classic)));
  });
});

/**
 * A level written back after an edit keeps the file's own layout wherever the edit did not
 * reach: the guide's walk-through, with its one-line towns and roads, changes by the lines
 * the designer changed and no others.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setAt, type Draft } from '../../src/editor/model';
import { serialiseLevel } from '../../src/editor/serialise';
import { parseLevel } from '../../src/levels/parse';

const source = readFileSync(new URL('../../docs/examples/walkthrough.json', import.meta.url), 'utf8');
const value = JSON.parse(source) as Draft;

/** Lines of `after` that are not lines of `before`, and the other way round. */
function changedLines(before: string, after: string): { added: string[]; removed: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  return { added: b.filter((line) => !a.includes(line)), removed: a.filter((line) => !b.includes(line)) };
}

describe('serialiseLevel with the text the level was opened from', () => {
  it('writes an unchanged level as it was, byte for byte', () => {
    expect(serialiseLevel(value, source)).toBe(source);
  });

  it('changes one value on its own line, and nothing else', () => {
    const edited = serialiseLevel(setAt(value, ['towns', 1, 'name'], 'Siby (Mandé)'), source);
    expect(edited.split('\n')).toHaveLength(source.split('\n').length);
    expect(changedLines(source, edited)).toEqual({
      added: ['    { "id": "siby", "name": "Siby (Mandé)", "lat": 12.38, "lon": -8.33, "kind": "rural", "country": "ML", "garrisonNeed": 1 },'],
      removed: ['    { "id": "siby", "name": "Siby", "lat": 12.38, "lon": -8.33, "kind": "rural", "country": "ML", "garrisonNeed": 1 },'],
    });
  });

  it('puts a new field where the schema has it, and removes a field without touching its neighbours', () => {
    const withPopulation = setAt(value, ['towns', 4, 'population'], 35000);
    const edited = serialiseLevel(withPopulation, source);
    expect(edited).toContain('"kind": "city", "country": "ML", "population": 35000 }');
    const without = serialiseLevel(setAt(value, ['towns', 1, 'garrisonNeed'], undefined), source);
    expect(changedLines(source, without).added).toEqual(['    { "id": "siby", "name": "Siby", "lat": 12.38, "lon": -8.33, "kind": "rural", "country": "ML" },']);
  });

  it('adds a town on a line of its own, like its neighbours, and deletes one by its line only', () => {
    const towns = value.towns as unknown[];
    const added = serialiseLevel({ ...value, towns: [...towns, { id: 'kati', name: 'Kati', lat: 12.747, lon: -8.071, kind: 'rural', country: 'ML' }] }, source);
    expect(changedLines(source, added)).toEqual({
      added: [
        '    { "id": "zegoua", "name": "Zégoua", "lat": 10.47, "lon": -5.65, "kind": "border", "country": "ML" },',
        '    { "id": "kati", "name": "Kati", "lat": 12.747, "lon": -8.071, "kind": "rural", "country": "ML" }',
      ],
      removed: ['    { "id": "zegoua", "name": "Zégoua", "lat": 10.47, "lon": -5.65, "kind": "border", "country": "ML" }'],
    });
    const deleted = serialiseLevel(setAt(value, ['towns', 1], undefined), source);
    expect(changedLines(source, deleted)).toEqual({
      added: [],
      removed: ['    { "id": "siby", "name": "Siby", "lat": 12.38, "lon": -8.33, "kind": "rural", "country": "ML", "garrisonNeed": 1 },'],
    });
    const last = serialiseLevel(setAt(value, ['towns', 6], undefined), source);
    expect(last).toContain('"kind": "city", "country": "ML" }\n  ],\n  "corridors"');
  });

  it('writes $schema as it must be in levels/, first', () => {
    const elsewhere = source.replace('"$schema": "./schema.json"', '"$schema": "../../levels/schema.json"');
    expect(serialiseLevel(JSON.parse(elsewhere) as Draft, elsewhere)).toBe(source);
    const none = source.replace('  "$schema": "./schema.json",\n', '');
    expect(serialiseLevel(JSON.parse(none) as Draft, none).split('\n').slice(0, 3)).toEqual(['{', '  "$schema": "./schema.json",', '  "id": "walkthrough",']);
  });

  it('is still the level it says: the check reads the edited text as the draft', () => {
    const draft = setAt(value, ['days', ], 9);
    const result = parseLevel(serialiseLevel(draft, source), 'levels/walkthrough.json');
    expect(result.ok && result.value.days).toBe(9);
  });

  it('writes the level afresh, in the schema’s order, when the text it came from is not JSON', () => {
    const fresh = serialiseLevel(value, '{ "id": ');
    expect(fresh).toBe(serialiseLevel(value));
    expect(fresh.split('\n').length).toBeGreaterThan(source.split('\n').length);
  });
});

/** The editor's forms come from the level schema: the description of each field says what the schema says. */
import { describe, expect, it } from 'vitest';
import { level, road, town } from '../../src/levels/schema';
import { fieldModel, modelAt, orderBySchema, skeleton, type FieldModel } from '../../src/editor/schema-form';

const field = (model: FieldModel, key: string): FieldModel => {
  if (model.kind !== 'object') throw new Error(`not an object: ${model.kind}`);
  const found = model.fields.find((f) => f.key === key);
  if (!found) throw new Error(`no field ${key}`);
  return found.field;
};

describe('a form model read from the zod schema', () => {
  const townModel = fieldModel(town);

  it('lists an object’s fields in the schema’s order', () => {
    expect(townModel.kind).toBe('object');
    if (townModel.kind !== 'object') return;
    expect(townModel.fields.map((f) => f.key)).toEqual(Object.keys(town.shape));
  });

  it('gives a number its bounds, whether it is whole, and its help text', () => {
    expect(field(townModel, 'lat')).toMatchObject({ kind: 'number', min: -90, max: 90, integer: false, optional: false, example: 14.45 });
    expect(field(townModel, 'lat').description).toMatch(/^Latitude in decimal degrees/);
    expect(field(fieldModel(road), 'km')).toMatchObject({ kind: 'number', min: 1, max: 2000, integer: true });
  });

  it('sees through optional and default, keeping the default and the description', () => {
    expect(field(townModel, 'garrisonNeed')).toMatchObject({ kind: 'number', optional: true, defaultValue: 0, min: 0, max: 20, integer: true });
    expect(field(townModel, 'garrisonNeed').description).toMatch(/^Garrison the rural town needs/);
    expect(field(townModel, 'population')).toMatchObject({ kind: 'number', optional: true, min: 0 });
    expect(field(townModel, 'population').defaultValue).toBeUndefined();
  });

  it('offers an enum’s options and reads a string’s length and pattern', () => {
    expect(field(townModel, 'kind')).toMatchObject({ kind: 'enum', options: ['capital', 'city', 'rural', 'border'] });
    expect(field(townModel, 'name')).toMatchObject({ kind: 'string', minLength: 1, maxLength: 100 });
    expect(field(townModel, 'id')).toMatchObject({ kind: 'string', maxLength: 64, pattern: '^[a-z0-9][a-z0-9-]*$' });
    expect(modelAt(fieldModel(level), ['sources', 0, 'url'])).toMatchObject({ kind: 'string', format: 'url', maxLength: 500 });
  });

  it('knows English-and-French text, lists, tuples and literals', () => {
    const model = fieldModel(level);
    expect(modelAt(model, ['title'])).toMatchObject({ kind: 'bilingual', en: { kind: 'string', maxLength: 2000 }, fr: { kind: 'string' } });
    expect(modelAt(model, ['scaleNote'])).toMatchObject({ kind: 'bilingual', optional: true });
    expect(modelAt(model, ['towns'])).toMatchObject({ kind: 'array', minItems: 2, maxItems: 200, element: { kind: 'object' } });
    expect(modelAt(model, ['policies'])).toMatchObject({ kind: 'array', element: { kind: 'enum' } });
    expect(modelAt(model, ['events', 3, 'sources'])).toMatchObject({ kind: 'array', optional: true, defaultValue: [], maxItems: 10 });
    expect(modelAt(model, ['balanceTargets'])).toMatchObject({ kind: 'object', optional: true });
    expect(modelAt(model, ['balanceTargets', 'policy'])).toMatchObject({ kind: 'literal', value: 'baseline' });
    expect(modelAt(model, ['balanceTargets', 'normal'])).toMatchObject({ kind: 'tuple', optional: true, items: [{ kind: 'number', min: 0, max: 1 }, { kind: 'number' }] });
    expect(modelAt(model, ['sectors', 'power', 'demandL'])).toMatchObject({ kind: 'number', integer: true, max: 50_000_000 });
    expect(modelAt(model, ['nope'])).toBeUndefined();
  });

  it('describes every field of the level (nothing is left as an unknown kind)', () => {
    const unknown: string[] = [];
    const walk = (model: FieldModel, path: string): void => {
      if (model.kind === 'unknown') unknown.push(path);
      if (model.kind === 'object') for (const f of model.fields) walk(f.field, `${path}.${f.key}`);
      if (model.kind === 'array') walk(model.element, `${path}[]`);
      if (model.kind === 'tuple') model.items.forEach((item, i) => walk(item, `${path}[${i}]`));
    };
    walk(fieldModel(level), 'level');
    expect(unknown).toEqual([]);
  });

  it('makes a skeleton that fills what is required and leaves out what is optional', () => {
    expect(skeleton(fieldModel(road))).toEqual({ id: '', from: '', to: '', km: 1, terrain: 'paved', risk: 0, corridor: '' });
    expect(skeleton(fieldModel(town))).toEqual({ id: '', name: '', lat: 0, lon: 0, kind: 'capital', country: '', garrisonNeed: 0 });
    expect(skeleton(modelAt(fieldModel(level), ['balanceTargets'])!)).toEqual({ policy: 'baseline', runs: 1 });
  });

  it('orders fields like the schema, drops simple defaults and keeps unknown fields last', () => {
    const ordered = orderBySchema({ zz: 1, kind: 'rural', lat: 1, id: 'a', garrisonNeed: 0, name: 'A', lon: 2, country: 'ML' }, fieldModel(town));
    expect(Object.keys(ordered as object)).toEqual(['id', 'name', 'lat', 'lon', 'kind', 'country', 'zz']);
    expect(orderBySchema({ garrisonNeed: 2 }, fieldModel(town))).toEqual({ garrisonNeed: 2 });
  });
});

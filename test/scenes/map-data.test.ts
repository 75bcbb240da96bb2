import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedMapData } from '../../build/map-data-plugin';
import { parseLevel } from '../../src/levels/parse';
import { parseGeography } from '../../src/scenes/geography';
import { buildMapData, parseMapData, placesKey, MAP_DATA_VERSION } from '../../src/scenes/map-data';
import { createProjection } from '../../src/scenes/projection';

const root = resolve(import.meta.dirname, '../..');
const geographyFile = resolve(root, 'assets/map/west-africa.json');
const geography = parseGeography(JSON.parse(readFileSync(geographyFile, 'utf8')) as unknown)!;
const levelFiles = readdirSync(resolve(root, 'levels')).filter((f) => f.endsWith('.json') && f !== 'schema.json');
const levels = levelFiles.map((f) => {
  const parsed = parseLevel(readFileSync(resolve(root, 'levels', f), 'utf8'), f);
  if (!parsed.ok) throw new Error(`${f} does not parse`);
  return parsed.value;
});
const shipped = shippedMapData(resolve(root, 'levels'), geographyFile);

describe('the map data the build makes for each shipped level', () => {
  it('exists for every level file, made for that level’s towns', () => {
    expect([...shipped.keys()].sort()).toEqual(levels.map((l) => l.id).sort());
    for (const level of levels) expect(shipped.get(level.id)!.places, level.id).toBe(placesKey(level.towns));
  });

  it('is what the page would make from the geography file, so a level drawn either way looks the same', () => {
    for (const level of levels) {
      const inPage = buildMapData(geography, level.towns, () => undefined, []);
      const built = shipped.get(level.id)!;
      expect({ ...built, countries: built.countries.map(({ names: _names, ...c }) => c) }, level.id).toEqual({ ...inPage, countries: inPage.countries.map(({ names: _names, ...c }) => c) });
    }
  });

  it('names every country in English and French', () => {
    const countries = shipped.get('bamako-2025')!.countries;
    const mali = countries.find((c) => c.iso2 === 'ML')!;
    expect(mali.names).toEqual({ en: 'Mali', fr: 'Mali' });
    expect(countries.find((c) => c.iso2 === 'SN')!.names).toEqual({ en: 'Senegal', fr: 'Sénégal' });
    for (const c of countries) expect(Object.keys(c.names).sort(), c.iso2).toEqual(['en', 'fr']);
  });

  it('puts each country name where the level’s projection puts its label point', () => {
    const level = levels.find((l) => l.id === 'tutorial')!;
    const project = createProjection(level.towns).project;
    const data = shipped.get('tutorial')!;
    for (const country of geography.countries.filter((c) => c.label)) {
      const at = project(country.label![0], country.label![1]);
      const placed = data.countries.find((c) => c.iso2 === country.iso2)!;
      expect(placed.at.x).toBeCloseTo(at.x, 1);
      expect(placed.at.y).toBeCloseTo(at.y, 1);
    }
  });
});

describe('reading map data in the page', () => {
  const level = levels.find((l) => l.id === 'tutorial')!;
  const json = JSON.parse(JSON.stringify(shipped.get('tutorial'))) as unknown;

  it('takes the file made for this level’s towns', () => {
    expect(parseMapData(json, level.towns)).toEqual(shipped.get('tutorial'));
  });

  it('refuses data made for other towns (a level edited since the build), so the page makes its own', () => {
    const moved = level.towns.map((t, i) => (i === 0 ? { ...t, lon: t.lon + 0.5 } : t));
    expect(parseMapData(json, moved)).toBeNull();
  });

  it('refuses another version, and anything that is not map data', () => {
    expect(parseMapData({ ...(json as object), version: MAP_DATA_VERSION + 1 }, level.towns)).toBeNull();
    expect(parseMapData({ ...(json as object), land: 12 }, level.towns)).toBeNull();
    expect(parseMapData({ ...(json as object), countries: [{ iso2: 'ML' }] }, level.towns)).toBeNull();
    expect(parseMapData(null, level.towns)).toBeNull();
    expect(parseMapData('<!doctype html>', level.towns)).toBeNull();
  });
});

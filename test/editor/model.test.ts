/** Changes the editor makes to a level: they never touch the draft they start from, and references follow. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addEntryPoint,
  addItem,
  addRoad,
  addTown,
  applyDeletion,
  findReferences,
  getAt,
  ids,
  moveEntryPoint,
  moveTown,
  parseProblemPath,
  planDeletion,
  referenceTarget,
  renameReferences,
  selectionFor,
  setAt,
  slugify,
  uniqueId,
  type Draft,
} from '../../src/editor/model';
import { defaultRoadKm } from '../../src/editor/projection';
import { serialiseLevel } from '../../src/editor/serialise';
import { parseLevel } from '../../src/levels/parse';

const tutorial = (): Draft => JSON.parse(readFileSync('levels/tutorial.json', 'utf8')) as Draft;
const errors = (draft: Draft): string[] => {
  const result = parseLevel(serialiseLevel(draft), 'draft.json');
  return result.ok ? [] : result.problems.filter((p) => p.severity === 'error').map((p) => `${p.path}: ${p.message}`);
};
const townIndex = (draft: Draft, id: string): number => ids(draft, 'towns').indexOf(id);

describe('paths', () => {
  it('reads the paths of the check’s problems', () => {
    expect(parseProblemPath('roads[3].to')).toEqual(['roads', 3, 'to']);
    expect(parseProblemPath('events[0].effects.morale.corridor')).toEqual(['events', 0, 'effects', 'morale', 'corridor']);
    expect(parseProblemPath('a["x y"][2]')).toEqual(['a', 'x y', 2]);
    expect(parseProblemPath('(root)')).toEqual([]);
  });

  it('turns a path into the item to select', () => {
    expect(selectionFor(['roads', 3, 'to'])).toEqual({ kind: 'item', list: 'roads', index: 3 });
    expect(selectionFor(['depot', 'town'])).toEqual({ kind: 'level' });
    expect(selectionFor(['towns'])).toEqual({ kind: 'level' });
  });

  it('sets and removes values without changing the original', () => {
    const draft = tutorial();
    const before = JSON.stringify(draft);
    const next = setAt(draft, ['towns', 0, 'name'], 'Bamako city');
    expect(getAt(next, ['towns', 0, 'name'])).toBe('Bamako city');
    expect(next.roads).toBe(draft.roads);
    const removed = setAt(next, ['towns', 0, 'population'], undefined);
    expect(getAt(removed, ['towns', 0])).not.toHaveProperty('population');
    const shorter = setAt(draft, ['blockade', 'startTowns', 0], undefined);
    expect(getAt(shorter, ['blockade', 'startTowns'])).toEqual([]);
    expect(JSON.stringify(draft)).toBe(before);
  });
});

describe('adding things on the map', () => {
  it('a town gets a fresh id and the click’s position, to three decimals', () => {
    const { draft, index } = addTown(tutorial(), { lat: 13.123456, lon: -7.987654 });
    expect(getAt(draft, ['towns', index])).toEqual({ id: 'new-town', name: 'New town', lat: 13.123, lon: -7.988, kind: 'rural', country: 'ML' });
    expect(addTown(draft, { lat: 13, lon: -7 }).draft.towns).toContainEqual(expect.objectContaining({ id: 'new-town-2' }));
  });

  it('a road between two towns takes its length from the distance, and the corridor of its neighbours', () => {
    const level = tutorial();
    const kati = townIndex(level, 'kati');
    const kolondieba = townIndex(level, 'kolondieba');
    const { draft, index } = addRoad(level, kolondieba, kati);
    const road = getAt(draft, ['roads', index]);
    const [a, b] = [getAt(level, ['towns', kolondieba]), getAt(level, ['towns', kati])] as { lat: number; lon: number }[];
    expect(road).toEqual({ id: 'kolondieba-kati', from: 'kolondieba', to: 'kati', km: defaultRoadKm(a!, b!), terrain: 'paved', risk: 20, corridor: 'cote-divoire' });
    expect(errors(draft)).toEqual([]);
  });

  it('an entry point makes its town a border town, and the level stays valid', () => {
    const level = tutorial();
    const { draft, index, note } = addEntryPoint(level, townIndex(level, 'sikasso'));
    expect(getAt(draft, ['entryPoints', index])).toMatchObject({ id: 'sikasso', town: 'sikasso', corridor: 'cote-divoire', tankersPerDay: 10, morale: 75 });
    expect(getAt(draft, ['towns', townIndex(level, 'sikasso'), 'kind'])).toBe('border');
    expect(note?.key).toBe('editor.note.becameBorder');
    expect(errors(draft)).toEqual([]);
  });

  it('an entry point moved onto another town follows it', () => {
    const level = tutorial();
    const moved = moveEntryPoint(level, 0, townIndex(level, 'kouremale'));
    expect(getAt(moved.draft, ['entryPoints', 0, 'town'])).toBe('kouremale');
    expect(moved.note).toBeUndefined();
  });

  it('moving a town changes only its position', () => {
    const level = tutorial();
    const moved = moveTown(level, 1, { lat: 12.8, lon: -8.1 });
    expect(getAt(moved, ['towns', 1])).toMatchObject({ id: 'kati', lat: 12.8, lon: -8.1, kind: 'city' });
  });

  it('the outline’s Add buttons make items the check then asks to complete (a source is never made up)', () => {
    const level = tutorial();
    const unit = addItem(level, 'units');
    expect(getAt(unit.draft, ['units', unit.index])).toEqual({ id: 'unit', name: { en: 'New unit', fr: 'Nouvelle unité' }, strength: 2 });
    expect(errors(unit.draft)).toEqual([]);
    const source = addItem(level, 'sources');
    expect(getAt(source.draft, ['sources', source.index])).toEqual({ id: 'source', publisher: '', title: '', date: '', url: '' });
    expect(errors(source.draft).length).toBeGreaterThan(0);
    const event = addItem(level, 'randomEvents');
    expect(getAt(event.draft, ['randomEvents', event.index])).toMatchObject({ id: 'random-event', chance: 5, fromDay: 1, sources: [], effects: {} });
  });

  it('ids follow the level’s conventions', () => {
    expect(slugify('Nioro du Sahel')).toBe('nioro-du-sahel');
    expect(slugify('Kourémalé')).toBe('kouremale');
    expect(slugify('***')).toBe('item');
    expect(uniqueId('Kati', ['kati', 'kati-2'])).toBe('kati-3');
  });
});

describe('references', () => {
  it('knows which fields name towns, corridors and sources', () => {
    expect(referenceTarget(['roads', 2, 'from'])).toBe('towns');
    expect(referenceTarget(['blockade', 'startTowns', 0])).toBe('towns');
    expect(referenceTarget(['randomEvents', 1, 'effects', 'morale', 'corridor'])).toBe('corridors');
    expect(referenceTarget(['events', 0, 'sources', 1])).toBe('sources');
    expect(referenceTarget(['roads', 2, 'km'])).toBeUndefined();
  });

  it('renaming an id renames every reference to it', () => {
    const level = tutorial();
    const renamed = setAt(level, ['towns', townIndex(level, 'kolondieba'), 'id'], 'kolondiebaa');
    const { draft, renamed: n } = renameReferences(renamed, 'towns', 'kolondieba', 'kolondiebaa');
    expect(n).toBe(findReferences(level, 'towns', 'kolondieba').length);
    expect(findReferences(draft, 'towns', 'kolondieba')).toEqual([]);
    expect(errors(draft)).toEqual([]);
  });

  it('does not rename references while another item still has the old id', () => {
    const level = tutorial();
    expect(renameReferences(level, 'towns', 'kati', 'kati-2').renamed).toBe(0);
  });
});

describe('deleting with references', () => {
  it('a town takes its roads and entry points with it, and leaves the depot for the designer', () => {
    const level = tutorial();
    const plan = planDeletion(level, 'towns', townIndex(level, 'bamako'));
    const roadsToBamako = (level.roads as { from: string; to: string }[]).flatMap((r, i) => (r.from === 'bamako' || r.to === 'bamako' ? [i] : []));
    expect(plan.items.map((it) => it.list)).toEqual(roadsToBamako.map(() => 'roads'));
    expect(plan.items.map((it) => it.index).sort()).toEqual(roadsToBamako.sort());
    expect(plan.dangling).toEqual([['depot', 'town']]);
    const after = applyDeletion(level, plan);
    expect(ids(after, 'towns')).not.toContain('bamako');
    expect((after.roads as { from: string; to: string }[]).some((r) => r.from === 'bamako' || r.to === 'bamako')).toBe(false);
    expect((after.roads as unknown[]).length).toBe((level.roads as unknown[]).length - roadsToBamako.length);
    expect(getAt(after, ['depot', 'town'])).toBe('bamako');
  });

  it('a garrisoned start town is removed from the garrison and from the blockade’s start towns', () => {
    const level = tutorial();
    const plan = planDeletion(level, 'towns', townIndex(level, 'kolondieba'));
    const garrisoned = (level.units as { garrison?: string }[]).findIndex((u) => u.garrison === 'kolondieba');
    expect(plan.values).toEqual(expect.arrayContaining([['units', garrisoned, 'garrison'], ['blockade', 'startTowns', 0]]));
    const after = applyDeletion(level, plan);
    expect(getAt(after, ['units', garrisoned])).not.toHaveProperty('garrison');
    expect(getAt(after, ['blockade', 'startTowns'])).toEqual([]);
  });

  it('a source is removed from the events that cite it', () => {
    const level = tutorial();
    const plan = planDeletion(level, 'sources', 0);
    expect(plan.values.length).toBeGreaterThan(0);
    const after = applyDeletion(level, plan);
    const cites = [...(after.events as { sources: string[] }[]), ...(after.randomEvents as { sources: string[] }[])].flatMap((e) => e.sources);
    expect(cites).not.toContain('ap-2025-10-08');
    expect(errors(after).filter((e) => e.includes('unknown source'))).toEqual([]);
  });

  it('a corridor in use leaves its roads and entry points naming it, and says so', () => {
    const level = tutorial();
    const plan = planDeletion(level, 'corridors', 1);
    expect(plan.items).toEqual([]);
    expect(plan.dangling.length).toBeGreaterThan(0);
    expect(plan.dangling.every((p) => p[0] === 'roads' || p[0] === 'entryPoints')).toBe(true);
  });

  it('a road nothing refers to goes alone', () => {
    const level = tutorial();
    const plan = planDeletion(level, 'roads', 0);
    expect(plan).toMatchObject({ items: [], values: [], dangling: [] });
    expect((applyDeletion(level, plan).roads as unknown[]).length).toBe((level.roads as unknown[]).length - 1);
  });

  it('with a duplicate id, deleting one of the two touches no reference', () => {
    const level = tutorial();
    const twin = addTown(level, { lat: 12, lon: -8 });
    const dup = setAt(twin.draft, ['towns', twin.index, 'id'], 'kati');
    expect(planDeletion(dup, 'towns', twin.index)).toMatchObject({ items: [], values: [], dangling: [] });
  });
});

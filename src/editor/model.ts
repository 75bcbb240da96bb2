/**
 * The level being edited (the draft) and every change the editor makes to it. The draft is
 * plain JSON that may be invalid at any moment (that is what editing is); every function
 * here returns a new draft and leaves its input untouched, so undo keeps old drafts as
 * they are. Pure: no DOM.
 */
import type { StringKey } from '../app/i18n';
import { level } from '../levels/schema';
import { fieldModel, modelAt, skeleton, type FieldModel, type JsonPath } from './schema-form';
import { defaultRoadKm, roundCoord, type LatLon } from './projection';

export type { JsonPath };
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Draft = Record<string, unknown>;

/** The lists of items the outline shows, in its order. */
export const ITEM_LISTS = ['towns', 'roads', 'entryPoints', 'corridors', 'units', 'events', 'randomEvents', 'sources'] as const;
export type ListKey = (typeof ITEM_LISTS)[number];

export type Selection = { kind: 'level' } | { kind: 'item'; list: ListKey; index: number };

export const levelModel = (): FieldModel => fieldModel(level);

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isListKey = (v: unknown): v is ListKey => (ITEM_LISTS as readonly unknown[]).includes(v);

export function listOf(draft: Draft, list: ListKey): unknown[] {
  const value = draft[list];
  return Array.isArray(value) ? value : [];
}

export function itemAt(draft: Draft, list: ListKey, index: number): Record<string, unknown> | undefined {
  const item = listOf(draft, list)[index];
  return isRecord(item) ? item : undefined;
}

export function idOf(item: unknown): string | undefined {
  return isRecord(item) && typeof item.id === 'string' ? item.id : undefined;
}

export function ids(draft: Draft, list: ListKey): string[] {
  return listOf(draft, list).flatMap((item) => {
    const id = idOf(item);
    return id === undefined ? [] : [id];
  });
}

/* ------------------------------------------------------------------ paths */

export function getAt(root: unknown, path: JsonPath): unknown {
  let here = root;
  for (const segment of path) {
    if (Array.isArray(here) && typeof segment === 'number') here = here[segment];
    else if (isRecord(here) && typeof segment === 'string') here = here[segment];
    else return undefined;
  }
  return here;
}

/**
 * A copy of `root` with the value at `path` replaced; `undefined` removes it (a field is
 * deleted, an array element spliced out). Missing objects along the path are created.
 */
export function setAt<T>(root: T, path: JsonPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (typeof head === 'number') {
    const array = Array.isArray(root) ? [...(root as unknown[])] : [];
    const next = setAt(array[head], rest, value);
    if (next === undefined && rest.length === 0) array.splice(head, 1);
    else array[head] = next;
    return array as T;
  }
  const object: Record<string, unknown> = isRecord(root) ? { ...root } : {};
  const next = setAt(object[head], rest, value);
  if (next === undefined) delete object[head];
  else object[head] = next;
  return object as T;
}

/** `roads[3].to` (a problem's path) → `['roads', 3, 'to']`; `(root)` → `[]`. */
export function parseProblemPath(text: string): JsonPath {
  if (text === '(root)') return [];
  const path: (string | number)[] = [];
  const token = /(?:^|\.)([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  for (let m = token.exec(text); m !== null; m = token.exec(text)) {
    if (m[1] !== undefined) path.push(m[1]);
    else if (m[2] !== undefined) path.push(Number(m[2]));
    else if (m[3] !== undefined) path.push(JSON.parse(m[3]) as string);
  }
  return path;
}

/** The key a form field carries in `data-path`: `roads.3.to`. */
export const pathKey = (path: JsonPath): string => path.join('.');

/** Which item (or the level's own fields) a path is about. */
export function selectionFor(path: JsonPath): Selection {
  const [list, index] = path;
  return isListKey(list) && typeof index === 'number' ? { kind: 'item', list, index } : { kind: 'level' };
}

export function selectionPath(selection: Selection): JsonPath {
  return selection.kind === 'level' ? [] : [selection.list, selection.index];
}

/* ------------------------------------------------------------------ references */

/**
 * Where ids of one list are used elsewhere, and what deleting the item they name does there:
 * `item` deletes the whole item holding the reference (a road without its town), `value`
 * removes the reference (`trim` more levels up: a morale effect goes with its corridor), and
 * `keep` leaves it for the designer, since the check will point at it.
 */
interface ReferenceRule {
  target: ListKey;
  pattern: readonly (string | '*')[];
  onDelete: 'item' | 'value' | 'keep';
  trim?: number;
}

const EVENT_LISTS = ['events', 'randomEvents'] as const;

const REFERENCE_RULES: readonly ReferenceRule[] = [
  { target: 'towns', pattern: ['roads', '*', 'from'], onDelete: 'item' },
  { target: 'towns', pattern: ['roads', '*', 'to'], onDelete: 'item' },
  { target: 'towns', pattern: ['entryPoints', '*', 'town'], onDelete: 'item' },
  { target: 'towns', pattern: ['depot', 'town'], onDelete: 'keep' },
  { target: 'towns', pattern: ['units', '*', 'garrison'], onDelete: 'value' },
  { target: 'towns', pattern: ['blockade', 'startTowns', '*'], onDelete: 'value' },
  { target: 'corridors', pattern: ['roads', '*', 'corridor'], onDelete: 'keep' },
  { target: 'corridors', pattern: ['entryPoints', '*', 'corridor'], onDelete: 'keep' },
  ...EVENT_LISTS.flatMap((list) => [
    { target: 'corridors', pattern: [list, '*', 'effects', 'morale', 'corridor'], onDelete: 'value', trim: 1 } as const,
    { target: 'corridors', pattern: [list, '*', 'effects', 'blockade'], onDelete: 'value' } as const,
    { target: 'sources', pattern: [list, '*', 'sources', '*'], onDelete: 'value' } as const,
  ]),
];

/** Concrete paths in `root` that match a pattern (`*` is every index of an array). */
function expand(root: unknown, pattern: readonly (string | '*')[], prefix: (string | number)[] = []): (string | number)[][] {
  if (pattern.length === 0) return [prefix];
  const [head, ...rest] = pattern as [string, ...string[]];
  if (head === '*') return Array.isArray(root) ? root.flatMap((child, i) => expand(child, rest, [...prefix, i])) : [];
  return isRecord(root) && head in root ? expand(root[head], rest, [...prefix, head]) : [];
}

const matches = (path: JsonPath, pattern: readonly (string | '*')[]): boolean =>
  path.length === pattern.length && pattern.every((p, i) => (p === '*' ? typeof path[i] === 'number' : p === path[i]));

/** The list whose ids the field at `path` names, for suggestions; undefined for other fields. */
export function referenceTarget(path: JsonPath): ListKey | undefined {
  return REFERENCE_RULES.find((rule) => matches(path, rule.pattern))?.target;
}

export interface Reference {
  path: JsonPath;
  onDelete: ReferenceRule['onDelete'];
  trim: number;
}

export function findReferences(draft: Draft, target: ListKey, id: string): Reference[] {
  return REFERENCE_RULES.filter((rule) => rule.target === target).flatMap((rule) =>
    expand(draft, rule.pattern)
      .filter((path) => getAt(draft, path) === id)
      .map((path) => ({ path, onDelete: rule.onDelete, trim: rule.trim ?? 0 })),
  );
}

/** After an id was changed in a form, the references to the old id follow, unless another item still has it. */
export function renameReferences(draft: Draft, target: ListKey, oldId: string, newId: string): { draft: Draft; renamed: number } {
  if (oldId === newId || ids(draft, target).includes(oldId)) return { draft, renamed: 0 };
  const refs = findReferences(draft, target, oldId);
  return { draft: refs.reduce<Draft>((d, ref) => setAt(d, ref.path, newId), draft), renamed: refs.length };
}

/* ------------------------------------------------------------------ deleting */

export interface DeletionPlan {
  list: ListKey;
  index: number;
  id: string | undefined;
  /** Items that go with it (roads that lead to a deleted town). */
  items: { list: ListKey; index: number }[];
  /** References removed from the items that stay. */
  values: JsonPath[];
  /** References left naming nothing, for the designer to fix (the check reports them). */
  dangling: JsonPath[];
}

export function planDeletion(draft: Draft, list: ListKey, index: number): DeletionPlan {
  const id = idOf(itemAt(draft, list, index));
  const plan: DeletionPlan = { list, index, id, items: [], values: [], dangling: [] };
  // With a duplicate id, the references still name the other item.
  if (id === undefined || ids(draft, list).filter((x) => x === id).length > 1) return plan;
  const seen = new Set<string>();
  for (const ref of findReferences(draft, list, id)) {
    if (ref.onDelete === 'item') {
      const [refList, refIndex] = ref.path as [ListKey, number];
      const key = `${refList}.${refIndex}`;
      if (!seen.has(key) && !(refList === list && refIndex === index)) {
        seen.add(key);
        plan.items.push({ list: refList, index: refIndex });
      }
    } else if (ref.onDelete === 'value') plan.values.push(ref.path.slice(0, ref.path.length - ref.trim));
    else plan.dangling.push(ref.path);
  }
  // References inside items that are deleted anyway need no separate removal.
  const goes = (path: JsonPath): boolean => plan.items.some((it) => it.list === path[0] && it.index === path[1]);
  plan.values = plan.values.filter((p) => !goes(p));
  plan.dangling = plan.dangling.filter((p) => !goes(p));
  return plan;
}

/** Applies a deletion plan: array elements are removed from the last to the first, so indices stay right. */
export function applyDeletion(draft: Draft, plan: DeletionPlan): Draft {
  const byLastIndexFirst = (a: JsonPath, b: JsonPath): number => {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const x = a[i];
      const y = b[i];
      if (x !== y) return typeof x === 'number' && typeof y === 'number' ? y - x : String(x).localeCompare(String(y));
    }
    return b.length - a.length;
  };
  const values = [...plan.values].sort(byLastIndexFirst);
  const items: JsonPath[] = [...plan.items.map((it) => [it.list, it.index]), [plan.list, plan.index]].sort(byLastIndexFirst);
  return [...values, ...items].reduce<Draft>((d, path) => setAt(d, path, undefined), draft);
}

/* ------------------------------------------------------------------ adding */

/** `Nioro du Sahel` → `nioro-du-sahel`: the id conventions of the level format. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 56);
  return slug === '' ? 'item' : slug;
}

export function uniqueId(base: string, taken: readonly string[]): string {
  const slug = slugify(base);
  const used = new Set(taken);
  if (!used.has(slug)) return slug;
  for (let n = 2; ; n++) if (!used.has(`${slug}-${n}`)) return `${slug}-${n}`;
}

/** Every id used by events and random events, which share one namespace. */
function eventIds(draft: Draft): string[] {
  return [...ids(draft, 'events'), ...ids(draft, 'randomEvents')];
}

function elementModel(list: ListKey): FieldModel {
  const model = modelAt(levelModel(), [list, 0]);
  if (!model) throw new Error(`the level schema has no list "${list}"`);
  return model;
}

/** The corridor a new road or entry point at these towns most likely belongs to. */
function corridorNear(draft: Draft, townIds: readonly string[]): string {
  for (const road of listOf(draft, 'roads')) {
    if (isRecord(road) && typeof road.corridor === 'string' && (townIds.includes(String(road.from)) || townIds.includes(String(road.to)))) return road.corridor;
  }
  return ids(draft, 'corridors')[0] ?? '';
}

function townPosition(town: Record<string, unknown> | undefined): LatLon | undefined {
  return town && typeof town.lat === 'number' && typeof town.lon === 'number' ? { lat: town.lat, lon: town.lon } : undefined;
}

export interface Added {
  draft: Draft;
  index: number;
  /** What else changed, for the status line. */
  note?: { key: StringKey; params: Record<string, string | number> };
}

function append(draft: Draft, list: ListKey, item: Record<string, unknown>): Added {
  const items = listOf(draft, list);
  return { draft: { ...draft, [list]: [...items, item] }, index: items.length };
}

/** A new rural town at a position; the designer names it in the form. */
export function addTown(draft: Draft, at: LatLon, name = 'New town'): Added {
  const id = uniqueId(name, ids(draft, 'towns'));
  return append(draft, 'towns', { id, name, lat: roundCoord(at.lat), lon: roundCoord(at.lon), kind: 'rural', country: 'ML' });
}

export function moveTown(draft: Draft, index: number, at: LatLon, digits = 3): Draft {
  const town = itemAt(draft, 'towns', index);
  if (!town) return draft;
  return setAt(draft, ['towns', index], { ...town, lat: roundCoord(at.lat, digits), lon: roundCoord(at.lon, digits) });
}

/** A paved road between two towns, its length from the straight-line distance (see `defaultRoadKm`). */
export function addRoad(draft: Draft, fromIndex: number, toIndex: number): Added {
  const from = itemAt(draft, 'towns', fromIndex);
  const to = itemAt(draft, 'towns', toIndex);
  const fromId = idOf(from) ?? '';
  const toId = idOf(to) ?? '';
  const a = townPosition(from);
  const b = townPosition(to);
  const road = {
    ...(skeleton(elementModel('roads')) as Record<string, unknown>),
    id: uniqueId(`${fromId}-${toId}`, ids(draft, 'roads')),
    from: fromId,
    to: toId,
    km: a && b ? defaultRoadKm(a, b) : 1,
    terrain: 'paved',
    risk: 20,
    corridor: corridorNear(draft, [fromId, toId]),
  };
  return append(draft, 'roads', road);
}

/**
 * An entry point at a town. Hauliers wait only at border towns, so a city or rural town
 * becomes a border town (the note says so); the capital is refused by the check instead.
 */
export function addEntryPoint(draft: Draft, townIndex: number): Added {
  const town = itemAt(draft, 'towns', townIndex);
  const townId = idOf(town) ?? '';
  let next = draft;
  let note: Added['note'];
  if (town && town.kind !== 'border' && town.kind !== 'capital') {
    next = setAt(next, ['towns', townIndex, 'kind'], 'border');
    note = { key: 'editor.note.becameBorder', params: { town: String(town.name ?? townId) } };
  }
  const entry = {
    ...(skeleton(elementModel('entryPoints')) as Record<string, unknown>),
    id: uniqueId(townId || 'entry', ids(draft, 'entryPoints')),
    town: townId,
    corridor: corridorNear(draft, [townId]),
    country: typeof town?.country === 'string' ? town.country : 'ML',
    tankersPerDay: 10,
    morale: 75,
  };
  return { ...append(next, 'entryPoints', entry), ...(note && { note }) };
}

/** Moves an entry point to another town, which becomes a border town as in `addEntryPoint`. */
export function moveEntryPoint(draft: Draft, entryIndex: number, townIndex: number): Added {
  const town = itemAt(draft, 'towns', townIndex);
  const townId = idOf(town);
  if (!itemAt(draft, 'entryPoints', entryIndex) || townId === undefined) return { draft, index: entryIndex };
  let next = setAt(draft, ['entryPoints', entryIndex, 'town'], townId);
  let note: Added['note'];
  if (town && town.kind !== 'border' && town.kind !== 'capital') {
    next = setAt(next, ['towns', townIndex, 'kind'], 'border');
    note = { key: 'editor.note.becameBorder', params: { town: String(town.name ?? townId) } };
  }
  return { draft: next, index: entryIndex, ...(note && { note }) };
}

/** A new item for the outline's "Add" buttons: what the schema requires, with a fresh id. */
export function addItem(draft: Draft, list: ListKey, at?: LatLon): Added {
  switch (list) {
    case 'towns':
      return addTown(draft, at ?? { lat: 12.6, lon: -8 });
    case 'roads': {
      const towns = listOf(draft, 'towns');
      return addRoad(draft, 0, Math.min(1, Math.max(0, towns.length - 1)));
    }
    case 'entryPoints': {
      const towns = listOf(draft, 'towns');
      const border = towns.findIndex((t) => isRecord(t) && t.kind === 'border');
      return addEntryPoint(draft, border >= 0 ? border : Math.max(0, towns.length - 1));
    }
    default: {
      const base = skeleton(elementModel(list)) as Record<string, unknown>;
      const taken = list === 'events' || list === 'randomEvents' ? eventIds(draft) : ids(draft, list);
      const extra: Record<ListKey, Record<string, unknown>> = {
        towns: {},
        roads: {},
        entryPoints: {},
        corridors: { id: uniqueId('corridor', taken), name: { en: 'New corridor', fr: 'Nouveau corridor' } },
        units: { id: uniqueId('unit', taken), name: { en: 'New unit', fr: 'Nouvelle unité' }, strength: 2 },
        events: { id: uniqueId('event', taken), title: { en: 'New event', fr: 'Nouvel événement' } },
        randomEvents: { id: uniqueId('random-event', taken), chance: 5, title: { en: 'New random event', fr: 'Nouvel événement aléatoire' } },
        // A source is never made up: its fields start empty and the check asks for each one.
        sources: { id: uniqueId('source', taken) },
      };
      return append(draft, list, { ...base, ...extra[list] });
    }
  }
}

/* ------------------------------------------------------------------ labels */

const text = (v: unknown, lang: 'en' | 'fr'): string => (isRecord(v) && typeof v[lang] === 'string' ? v[lang] : '');

/** A short name for an item, for the outline, the dialog and the inspector's heading. */
export function itemLabel(draft: Draft, list: ListKey, index: number, lang: 'en' | 'fr' = 'en'): string {
  const item = itemAt(draft, list, index);
  const id = idOf(item) ?? `#${index + 1}`;
  if (!item) return id;
  switch (list) {
    case 'towns':
      return typeof item.name === 'string' && item.name !== '' ? item.name : id;
    case 'roads': {
      const name = (townId: unknown): string => {
        const town = listOf(draft, 'towns').find((t) => idOf(t) === townId);
        return isRecord(town) && typeof town.name === 'string' ? town.name : String(townId ?? '?');
      };
      return `${name(item.from)} – ${name(item.to)}`;
    }
    case 'entryPoints':
      return id;
    case 'corridors':
    case 'units':
      return text(item.name, lang) || id;
    case 'events':
    case 'randomEvents':
      return text(item.title, lang) || id;
    case 'sources':
      return typeof item.publisher === 'string' && item.publisher !== '' ? `${item.publisher}${typeof item.date === 'string' && item.date ? `, ${item.date}` : ''}` : id;
  }
}

/**
 * The level editor page: open a shipped level, the template or a file; change it on the
 * map and in forms generated from the level schema; see the same check as
 * `npm run levels:check` after every change; play-test it in the game; download the JSON,
 * or, under `npm start`, save it to `levels/`.
 *
 * One draft (plain JSON, possibly invalid) with the text it was opened from, one selection,
 * one tool. Every change goes through `commit`, which keeps the undo history and redraws;
 * the check runs 150 ms after the last change.
 */
import './zod-jitless';
import '../styles.css';
import './editor.css';
import { addStrings, pick, reasonText, t, tn, type StringKey } from '../app/i18n';
import { forgetLevels, listLevels, loadLevel, type LevelEntry } from '../app/levels';
import type { LevelProblem } from '../levels/parse';
import { formatPath } from '../levels/problem';
import { byId, downloadText, setupLanguage } from '../instructor/page';
import { h } from '../ui/dom';
import { editor as editorStrings } from '../strings/editor';
import { draftPlayUrl, storeDraft, type DraftDifficulty } from './draft';
import { canRedo, canUndo, record, redo as redoStep, startHistory, undo as undoStep, type History } from './history';
import { markProblems, renderObjectFields, type FieldProblem, type FormHost } from './form-view';
import { MapView, type MapHost, type Tool } from './map-view';
import {
  addEntryPoint,
  addItem,
  addRoad,
  addTown,
  applyDeletion,
  getAt,
  idOf,
  isListKey,
  isRecord,
  itemAt,
  itemLabel,
  ITEM_LISTS,
  levelModel,
  listOf,
  moveEntryPoint,
  moveTown,
  parseProblemPath,
  pathKey,
  planDeletion,
  referenceTarget,
  renameReferences,
  selectionFor,
  selectionPath,
  setAt,
  ids,
  type Added,
  type Draft,
  type JsonPath,
  type ListKey,
  type Selection,
} from './model';
import { loadOutlines } from './outlines';
import { roundCoord } from './projection';
import { modelAt } from './schema-form';
import { levelFileName, serialiseLevel } from './serialise';
import { templateLevel } from './template';

addStrings(editorStrings);

/** The unsaved work of this tab, kept across reloads (and a play-test in the same tab). */
const WORK_KEY = 'lifeline-bamako/editor-work';
const CHECK_DELAY_MS = 150;
const TEMPLATE = '__template';

/**
 * What the editor holds: the draft, the text of the file it was opened from (written back
 * with the draft's changes made in place), and where it came from (the template, a shipped
 * level's id, or a file's name) for the "Level to open" list.
 */
interface Work {
  readonly draft: Draft;
  readonly source?: string;
  readonly from: string;
}

const outlineBody = byId('outline-body');
const mapBox = byId('ed-map');
const toolHint = byId('tool-hint');
const legend = byId('legend');
const problemsBox = byId('problems');
const problemsSummary = byId('problems-summary');
const problemList = byId('problem-list');
const loadProblems = byId('load-problems');
const inspectorTitle = byId('inspector-title');
const inspectorActions = byId('inspector-actions');
const form = byId<HTMLFormElement>('inspector-form');
const statusLine = byId('status');
const openSelect = byId<HTMLSelectElement>('open-level');
const fileInput = byId<HTMLInputElement>('load-file-input');
const undoButton = byId<HTMLButtonElement>('undo');
const redoButton = byId<HTMLButtonElement>('redo');
const seedInput = byId<HTMLInputElement>('play-seed');
const difficultySelect = byId<HTMLSelectElement>('play-difficulty');
const deleteDialog = byId<HTMLDialogElement>('delete-dialog');

let history: History<Work> = startHistory({ draft: templateLevel(), from: TEMPLATE });
/** The draft being edited: `history.present.draft`. */
let draft: Draft = history.present.draft;
let selection: Selection = { kind: 'level' };
let tool: Tool = 'select';
let problems: LevelProblem[] = [];
/**
 * The level parser (the check of `npm run levels:check`). Imported the way the game page
 * imports it for a play-test (src/editor/draft.ts), so the build keeps it in one chunk of its
 * own; it is there before anything can change the draft (see `boot`).
 */
let parser!: typeof import('../levels/parse');
let severities = new Map<string, 'error' | 'warning'>();
let shipped: LevelEntry[] = [];
/** An id being typed: the draft before its first letter, and the id it had, so its references follow it. */
let idEdit: { key: string; start: Draft; original: string; after: Draft } | undefined;
let checkTimer: ReturnType<typeof setTimeout> | undefined;
let workTimer: ReturnType<typeof setTimeout> | undefined;
const closedSections = new Set<ListKey>();

const status = (text: string): void => {
  statusLine.textContent = text;
};

/* ------------------------------------------------------------------ changes and history */

interface Commit {
  /** Changes with the same key in quick succession (typing in one box, one drag) make one undo step. */
  undoKey?: string;
  /** Keep the form as it is (the change came from it and its shape did not change). */
  keepForm?: boolean;
}

function commit(next: Draft, how: Commit = {}): void {
  if (next === draft) return;
  history = record(history, { ...history.present, draft: next }, performance.now(), how.undoKey);
  draft = next;
  afterChange(how.keepForm ?? false);
}

/** The text Download and Save write, and the live check reads. */
const levelText = (): string => serialiseLevel(draft, history.present.source);

function afterChange(keepForm: boolean): void {
  draft = history.present.draft;
  if (selection.kind === 'item' && !itemAt(draft, selection.list, selection.index)) selection = { kind: 'level' };
  map.render();
  renderOutline();
  renderLegend();
  renderInspector(keepForm);
  renderOpenChoices();
  undoButton.disabled = !canUndo(history);
  redoButton.disabled = !canRedo(history);
  scheduleCheck();
  clearTimeout(workTimer);
  workTimer = setTimeout(saveWork, 500);
}

function undo(): void {
  if (!canUndo(history)) return;
  history = undoStep(history);
  afterChange(false);
  status(t('editor.undone'));
}

function redo(): void {
  if (!canRedo(history)) return;
  history = redoStep(history);
  afterChange(false);
  status(t('editor.redone'));
}

/** Replaces the whole draft (open, template, file); undo brings the previous one back. */
function replaceDraft(next: Draft, message: string, from: string, source?: string): void {
  selection = { kind: 'level' };
  history = record(history, { draft: next, from, ...(source !== undefined && { source }) }, performance.now());
  afterChange(false);
  map.fit();
  status(message);
}

function saveWork(): void {
  try {
    sessionStorage.setItem(WORK_KEY, JSON.stringify(history.present));
  } catch {
    // Storage full or refused: the work stays in the page, and Download still saves it.
  }
}

function restoreWork(): Work | undefined {
  try {
    const text = sessionStorage.getItem(WORK_KEY);
    const value = text === null ? undefined : (JSON.parse(text) as unknown);
    if (!isRecord(value) || !isRecord(value.draft)) return undefined;
    return { draft: value.draft, from: typeof value.from === 'string' ? value.from : '', ...(typeof value.source === 'string' && { source: value.source }) };
  } catch {
    return undefined;
  }
}

/* ------------------------------------------------------------------ selection */

function select(next: Selection): void {
  selection = next;
  map.render();
  renderOutline();
  renderInspector(false);
}

function selectedTown(): number | undefined {
  return selection.kind === 'item' && selection.list === 'towns' ? selection.index : undefined;
}

/* ------------------------------------------------------------------ the map */

const mapHost: MapHost = {
  draft: () => draft,
  selection: () => selection,
  tool: () => tool,
  select,
  addTown(at) {
    const added = addTown(draft, at);
    selection = { kind: 'item', list: 'towns', index: added.index };
    commit(added.draft);
    status(t('editor.added.town', { name: itemLabel(draft, 'towns', added.index), lat: roundCoord(at.lat).toFixed(3), lon: roundCoord(at.lon).toFixed(3) }));
  },
  addEntry(at) {
    let base = draft;
    let townIndex: number;
    if (typeof at === 'number') townIndex = at;
    else {
      const town = addTown(base, at, 'New border town');
      base = setAt(town.draft, ['towns', town.index, 'kind'], 'border');
      townIndex = town.index;
    }
    const added = addEntryPoint(base, townIndex);
    selection = { kind: 'item', list: 'entryPoints', index: added.index };
    commit(added.draft);
    status([t('editor.added.entry', { town: itemLabel(draft, 'towns', townIndex) }), noteText(added)].filter(Boolean).join(' '));
  },
  addRoad(from, to) {
    const a = idOf(itemAt(draft, 'towns', from));
    const b = idOf(itemAt(draft, 'towns', to));
    const existing = listOf(draft, 'roads').findIndex((r) => isRecord(r) && ((r.from === a && r.to === b) || (r.from === b && r.to === a)));
    if (existing >= 0) {
      select({ kind: 'item', list: 'roads', index: existing });
      status(t('editor.road.exists'));
      return;
    }
    const added = addRoad(draft, from, to);
    selection = { kind: 'item', list: 'roads', index: added.index };
    commit(added.draft);
    const road = itemAt(draft, 'roads', added.index);
    status(t('editor.added.road', { road: itemLabel(draft, 'roads', added.index), km: String(road?.km ?? '?') }));
  },
  moveTown(index, at, final) {
    commit(moveTown(draft, index, at), { undoKey: `move:${index}` });
    if (final) {
      const town = itemAt(draft, 'towns', index);
      status(t('editor.moved', { name: itemLabel(draft, 'towns', index), lat: String(town?.lat), lon: String(town?.lon) }));
    }
  },
  moveEntry(entry, town) {
    const moved = moveEntryPoint(draft, entry, town);
    commit(moved.draft);
    status([t('editor.moved.entry', { entry: itemLabel(draft, 'entryPoints', entry), town: itemLabel(draft, 'towns', town) }), noteText(moved)].filter(Boolean).join(' '));
  },
  nudge(dLat, dLon) {
    const index = selectedTown();
    const town = index === undefined ? undefined : itemAt(draft, 'towns', index);
    if (index === undefined || !town || typeof town.lat !== 'number' || typeof town.lon !== 'number') {
      status(t('editor.nudge.none'));
      return;
    }
    // Six decimals only remove floating-point tails: a nudge keeps the precision the file had.
    commit(moveTown(draft, index, { lat: town.lat + dLat, lon: town.lon + dLon }, 6), { undoKey: `move:${index}` });
    const moved = itemAt(draft, 'towns', index);
    status(t('editor.moved', { name: itemLabel(draft, 'towns', index), lat: String(moved?.lat), lon: String(moved?.lon) }));
  },
  deleteSelection() {
    if (selection.kind === 'item') askDelete(selection.list, selection.index);
  },
  severity: (list, index) => severities.get(`${list}.${index}`),
  status,
};

const map = new MapView(mapBox, mapHost);

function noteText(added: Added): string {
  return added.note ? t(added.note.key, added.note.params) : '';
}

function setTool(next: Tool): void {
  tool = next;
  for (const button of document.querySelectorAll<HTMLButtonElement>('#tools [data-tool]')) button.setAttribute('aria-pressed', String(button.dataset.tool === next));
  mapBox.dataset.tool = next;
  map.cancelRoad();
  toolHint.textContent = t(`editor.tool.${next}.hint`);
}

const KIND_SHAPES: readonly { kind: string; label: StringKey; shape: () => SVGElement }[] = [
  { kind: 'capital', label: 'editor.legend.capital', shape: () => svgEl('rect', { class: 'm-shape', x: 3, y: 3, width: 12, height: 12 }) },
  { kind: 'city', label: 'editor.legend.city', shape: () => svgEl('circle', { class: 'm-shape', cx: 9, cy: 9, r: 6 }) },
  { kind: 'rural', label: 'editor.legend.rural', shape: () => svgEl('circle', { class: 'm-shape', cx: 9, cy: 9, r: 4.5 }) },
  { kind: 'border', label: 'editor.legend.border', shape: () => svgEl('path', { class: 'm-shape', d: 'M9,1 L17,9 L9,17 L1,9 Z' }) },
];

function svgEl(tag: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el as SVGElement;
}

function icon(className: string, ...children: SVGElement[]): SVGElement {
  const box = svgEl('svg', { width: 18, height: 18, viewBox: '0 0 18 18', class: `ed-legend-icon ${className}` });
  box.append(...children);
  return box;
}

function renderLegend(): void {
  // Corridors by id: their full names would fill the legend; the outline has the names.
  const corridors = listOf(draft, 'corridors').map((c, i) => ({ index: i, name: idOf(c) ?? '?' }));
  legend.replaceChildren(
    ...KIND_SHAPES.map((k) => h('span', { class: 'ed-legend-item' }, icon(`m-town kind-${k.kind}`, k.shape()), t(k.label))),
    h('span', { class: 'ed-legend-item' }, icon('m-entry', svgEl('path', { class: 'm-entry-flag', d: 'M3,3 L15,3 L9,15 Z' })), t('editor.legend.entry')),
    h('span', { class: 'ed-legend-item' }, icon('', svgEl('line', { class: 'm-road corridor-0 paved', x1: 1, y1: 9, x2: 17, y2: 9 })), t('editor.legend.paved')),
    h('span', { class: 'ed-legend-item' }, icon('', svgEl('line', { class: 'm-road corridor-0 laterite', x1: 1, y1: 9, x2: 17, y2: 9 })), t('editor.legend.laterite')),
    ...corridors.map((c) => h('span', { class: 'ed-legend-item' }, icon('', svgEl('line', { class: `m-road corridor-${c.index % 6} paved`, x1: 1, y1: 9, x2: 17, y2: 9 })), c.name)),
  );
}

/* ------------------------------------------------------------------ the outline */

function renderOutline(): void {
  const counts = problemCounts();
  const levelButton = h(
    'button',
    { type: 'button', class: 'ed-outline-item ed-outline-level', 'aria-current': selection.kind === 'level' ? 'true' : null, 'data-item': 'level', onclick: () => select({ kind: 'level' }) },
    t('editor.inspector.level'),
    badge(counts.get('level')),
  );
  const sections = ITEM_LISTS.map((list) => {
    const items = listOf(draft, list);
    const details = h('details', { class: 'ed-outline-section', 'data-list': list });
    details.open = !closedSections.has(list);
    details.addEventListener('toggle', () => (details.open ? closedSections.delete(list) : closedSections.add(list)));
    const entries = items.map((_, index) => {
      const current = selection.kind === 'item' && selection.list === list && selection.index === index;
      const id = idOf(items[index]);
      return h(
        'li',
        null,
        h(
          'button',
          { type: 'button', class: 'ed-outline-item', 'aria-current': current ? 'true' : null, 'data-item': `${list}.${index}`, onclick: () => select({ kind: 'item', list, index }) },
          h('span', { class: 'ed-outline-label' }, itemLabel(draft, list, index, langOf())),
          id !== undefined && id !== itemLabel(draft, list, index, langOf()) ? h('span', { class: 'ed-outline-id' }, id) : null,
          badge(counts.get(`${list}.${index}`)),
        ),
      );
    });
    details.append(
      h('summary', null, t(`editor.list.${list}`), h('span', { class: 'ed-count' }, ` (${items.length})`), badge(counts.get(list))),
      h('ul', { class: 'ed-outline-list' }, ...entries),
      h('button', { type: 'button', class: 'ed-add small', onclick: () => addFromOutline(list) }, t(`editor.add.${list}`)),
    );
    return details;
  });
  const focused = document.activeElement instanceof HTMLElement && outlineBody.contains(document.activeElement) ? document.activeElement.dataset.item : undefined;
  outlineBody.replaceChildren(levelButton, ...sections);
  if (focused) outlineBody.querySelector<HTMLElement>(`[data-item="${focused}"]`)?.focus();
}

const langOf = (): 'en' | 'fr' => (document.documentElement.lang === 'fr' ? 'fr' : 'en');

function badge(count: { errors: number; warnings: number } | undefined): HTMLElement | null {
  if (!count || (count.errors === 0 && count.warnings === 0)) return null;
  const text = count.errors > 0 ? `✕ ${count.errors}` : `⚠ ${count.warnings}`;
  const label = t('editor.badge', { errors: count.errors, warnings: count.warnings });
  return h('span', { class: `ed-badge ${count.errors > 0 ? 'error' : 'warning'}`, title: label }, h('span', { 'aria-hidden': 'true' }, text), h('span', { class: 'visually-hidden' }, label));
}

/** Problems counted per item (`towns.3`), per list, and for the level's own fields. */
function problemCounts(): Map<string, { errors: number; warnings: number }> {
  const counts = new Map<string, { errors: number; warnings: number }>();
  const add = (key: string, p: LevelProblem): void => {
    const c = counts.get(key) ?? { errors: 0, warnings: 0 };
    if (p.severity === 'error') c.errors++;
    else c.warnings++;
    counts.set(key, c);
  };
  for (const p of problems) {
    const path = parseProblemPath(p.path);
    const sel = selectionFor(path);
    if (sel.kind === 'item') {
      add(`${sel.list}.${sel.index}`, p);
      add(sel.list, p);
    } else if (isListKey(path[0])) add(path[0], p);
    else add('level', p);
  }
  return counts;
}

function addFromOutline(list: ListKey): void {
  const added = addItem(draft, list, map.centre());
  selection = { kind: 'item', list, index: added.index };
  commit(added.draft);
  status([t('editor.added.item', { item: itemLabel(draft, list, added.index, langOf()) }), noteText(added)].filter(Boolean).join(' '));
  inspectorTitle.focus();
}

/* ------------------------------------------------------------------ the inspector */

const LEVEL_SKIP = new Set<string>([...ITEM_LISTS, '$schema']);

const formHost: FormHost = {
  change(path, value, how) {
    const before = getAt(draft, path);
    const [list, , field] = path;
    if (isListKey(list) && path.length === 3 && field === 'id' && typeof value === 'string') return changeId(list, path, before, value, how.final);
    if (!how.reshape && before === value) return;
    commit(setAt(draft, path, value), { undoKey: `form:${pathKey(path)}`, keepForm: !how.reshape });
  },
  suggestions(path) {
    const target = referenceTarget(path);
    return target ? ids(draft, target) : [];
  },
};

/**
 * An id checked as it is typed, with the references to it following it letter by letter.
 * Each letter renames from the draft as it was before the first one, so an id passing
 * through another item's id on the way ("kati" → "ka" → "kab") never takes that item's
 * references with it.
 */
function changeId(list: ListKey, path: JsonPath, before: unknown, value: string, final: boolean): void {
  const key = pathKey(path);
  if (idEdit === undefined || idEdit.key !== key || idEdit.after !== draft) {
    if (typeof before !== 'string' || before === value) return;
    idEdit = { key, start: draft, original: before, after: draft };
  }
  const { draft: next, renamed } = renameReferences(setAt(idEdit.start, path, value), list, idEdit.original, value);
  if (value !== before) commit(next, { undoKey: `form:${key}`, keepForm: true });
  idEdit = final ? undefined : { ...idEdit, after: draft };
  if (final && renamed > 0) status(tn('editor.renamed', renamed, { id: value }));
}

function renderInspector(keepForm: boolean): void {
  const title =
    selection.kind === 'level'
      ? t('editor.inspector.level')
      : t('editor.inspector.item', { kind: t(`editor.kind.${selection.list}`), item: itemLabel(draft, selection.list, selection.index, langOf()) });
  inspectorTitle.textContent = title;
  inspectorActions.replaceChildren(...inspectorButtons());
  if (keepForm) return;
  const focusedPath = document.activeElement instanceof HTMLElement && form.contains(document.activeElement) ? document.activeElement.dataset.path : undefined;
  const root = selectionPath(selection);
  const model = levelModel();
  const fields =
    selection.kind === 'level'
      ? model.kind === 'object'
        ? renderObjectFields(model, draft, [], formHost, LEVEL_SKIP)
        : []
      : (() => {
          const element = modelAt(model, root);
          return element?.kind === 'object' ? renderObjectFields(element, getAt(draft, root), root, formHost) : [];
        })();
  form.replaceChildren(h('p', { class: 'ed-field-problem', 'data-problem-for': pathKey(root), hidden: true }), ...fields);
  markForm();
  if (focusedPath !== undefined) form.querySelector<HTMLElement>(`[data-path="${CSS.escape(focusedPath)}"]`)?.focus();
}

function inspectorButtons(): HTMLElement[] {
  if (selection.kind === 'level') return [];
  const { list, index } = selection;
  const buttons = [h('button', { type: 'button', class: 'danger small', onclick: () => askDelete(list, index) }, t('editor.delete.button'))];
  if (list === 'towns') {
    buttons.unshift(
      h('button', { type: 'button', class: 'small', onclick: () => mapHost.addEntry(index) }, t('editor.town.addEntry')),
      h('button', { type: 'button', class: 'small', onclick: () => roadFromTown(index) }, t('editor.town.addRoad')),
    );
  }
  return buttons;
}

/** With the keyboard: a road from this town to the nearest town it has no road to yet. */
function roadFromTown(index: number): void {
  const from = itemAt(draft, 'towns', index);
  if (!from || typeof from.lat !== 'number' || typeof from.lon !== 'number') return;
  const linked = new Set(listOf(draft, 'roads').flatMap((r) => (isRecord(r) && (r.from === from.id || r.to === from.id) ? [r.from, r.to] : [])));
  let best: { i: number; d: number } | undefined;
  listOf(draft, 'towns').forEach((town, i) => {
    if (i === index || !isRecord(town) || typeof town.lat !== 'number' || typeof town.lon !== 'number' || linked.has(town.id)) return;
    const d = Math.hypot(town.lat - (from.lat as number), town.lon - (from.lon as number));
    if (!best || d < best.d) best = { i, d };
  });
  if (best) mapHost.addRoad(index, best.i);
}

/** Problems of the item being edited, shown on its fields. */
function markForm(): void {
  const root = selectionPath(selection);
  const mine: FieldProblem[] = problems.flatMap((p) => {
    const path = parseProblemPath(p.path);
    const sel = selectionFor(path);
    const same = selection.kind === 'level' ? sel.kind === 'level' : sel.kind === 'item' && pathKey(selectionPath(sel)) === pathKey(root);
    return same ? [{ path, message: p.message, severity: p.severity }] : [];
  });
  markProblems(form, mine);
}

/* ------------------------------------------------------------------ deleting */

function describePath(path: JsonPath): string {
  const sel = selectionFor(path);
  const where = formatPath(path);
  return sel.kind === 'item' ? `${t(`editor.kind.${sel.list}`)} ${itemLabel(draft, sel.list, sel.index, langOf())} (${where})` : where;
}

function askDelete(list: ListKey, index: number): void {
  const plan = planDeletion(draft, list, index);
  const label = `${t(`editor.kind.${list}`)} ${itemLabel(draft, list, index, langOf())}`;
  byId('delete-title').textContent = t('editor.delete.title', { item: label });
  const section = (key: StringKey, paths: readonly JsonPath[]): HTMLElement[] =>
    paths.length === 0 ? [] : [h('p', null, t(key)), h('ul', { class: 'ed-ref-list' }, ...paths.map((p) => h('li', null, describePath(p))))];
  const parts = [
    ...section('editor.delete.items', plan.items.map((it) => [it.list, it.index])),
    ...section('editor.delete.values', plan.values),
    ...section('editor.delete.dangling', plan.dangling),
  ];
  byId('delete-body').replaceChildren(...(parts.length > 0 ? parts : [h('p', null, t('editor.delete.unused'))]));
  deleteDialog.returnValue = '';
  deleteDialog.onclose = () => {
    if (deleteDialog.returnValue !== 'delete') return;
    selection = { kind: 'level' };
    commit(applyDeletion(draft, plan));
    status(tn('editor.deleted', plan.items.length + plan.values.length, { item: label }));
    mapBox.focus();
  };
  deleteDialog.showModal();
}

/* ------------------------------------------------------------------ the live check */

function scheduleCheck(): void {
  problemsBox.dataset.state = 'pending';
  clearTimeout(checkTimer);
  checkTimer = setTimeout(runCheck, CHECK_DELAY_MS);
}

function runCheck(): void {
  clearTimeout(checkTimer);
  const result = parser.parseLevel(levelText(), levelFileName(draft));
  problems = result.ok ? result.warnings : result.problems;
  severities = new Map();
  for (const p of problems) {
    const sel = selectionFor(parseProblemPath(p.path));
    if (sel.kind !== 'item') continue;
    const key = `${sel.list}.${sel.index}`;
    if (p.severity === 'error' || !severities.has(key)) severities.set(key, p.severity);
  }
  renderProblems();
  map.render();
  renderOutline();
  markForm();
  problemsBox.dataset.state = 'checked';
}

function renderProblems(): void {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  problemsBox.dataset.errors = String(errors);
  problemsBox.dataset.warnings = String(warnings);
  const counts = [...(errors > 0 ? [tn('editor.check.errors', errors)] : []), ...(warnings > 0 ? [tn('editor.check.warnings', warnings)] : [])];
  problemsSummary.textContent = problems.length === 0 ? t('editor.check.ok') : counts.join(' · ');
  problemsSummary.dataset.kind = errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'ok';
  problemList.replaceChildren(
    ...problems.map((p) =>
      h(
        'li',
        null,
        h(
          'button',
          { type: 'button', class: `ed-problem ${p.severity}`, 'data-path': p.path, onclick: () => goToProblem(p) },
          h('span', { class: 'ed-problem-kind' }, p.severity === 'error' ? `✕ ${t('editor.check.error')}` : `⚠ ${t('editor.check.warning')}`),
          h('code', { class: 'ed-problem-where' }, `${p.file}:${p.line}:${p.col}`),
          h('code', { class: 'ed-problem-path' }, p.path),
          h('span', { class: 'ed-problem-message' }, p.message),
        ),
      ),
    ),
  );
}

/** Selects the item a problem is about and puts the cursor in the field it names (or the nearest one drawn). */
function goToProblem(p: LevelProblem): void {
  const path = parseProblemPath(p.path);
  select(selectionFor(path));
  for (let n = path.length; n >= 0; n--) {
    const target = form.querySelector<HTMLElement>(`[data-path="${CSS.escape(pathKey(path.slice(0, n)))}"]`);
    if (!target) continue;
    const control = target.matches('input, select, textarea') ? target : target.querySelector<HTMLElement>('input, select, textarea, button');
    (control ?? target).focus();
    (control ?? target).scrollIntoView({ block: 'center' });
    return;
  }
  inspectorTitle.focus();
}

/* ------------------------------------------------------------------ open, load, download, play */

/** The list shows what is loaded: the template, a shipped level, or the file it came from. */
function renderOpenChoices(): void {
  const from = history.present.from;
  const known = from === TEMPLATE || shipped.some((entry) => entry.id === from);
  openSelect.replaceChildren(
    h('option', { value: TEMPLATE }, t('editor.template')),
    ...shipped.map((entry) => h('option', { value: entry.id }, `${pick(entry.title)} (${entry.id})`)),
    ...(known || from === '' ? [] : [h('option', { value: '', disabled: true }, t('editor.open.file', { file: from }))]),
  );
  openSelect.value = known ? from : from === '' ? TEMPLATE : '';
}

async function openChosen(): Promise<void> {
  const id = openSelect.value;
  if (id === '') return;
  showLoadProblems(null);
  if (id === TEMPLATE) {
    replaceDraft(templateLevel(), t('editor.opened.template'), TEMPLATE);
    return;
  }
  status(t('editor.opening', { id }));
  // The file as written, to keep its layout; a site without it gives the checked level.
  const source = await levelSource(id);
  if (source !== undefined) {
    replaceDraft(source.value, t('editor.opened', { id }), id, source.text);
    return;
  }
  // Always the file as it is now (the game page keeps what it fetched once).
  forgetLevels();
  const loaded = await loadLevel(id);
  if (!loaded.ok) {
    showLoadProblems(loaded.file ?? `${id}.json`, [reasonText(loaded.reason), ...(loaded.problems ?? [])]);
    status(t('editor.openFailed', { id }));
    return;
  }
  replaceDraft(loaded.level as unknown as Draft, t('editor.opened', { id }), id);
}

/** A shipped level's file as written (`levels/source/<id>.json`), when the site has it and it is a JSON object. */
async function levelSource(id: string): Promise<{ text: string; value: Draft } | undefined> {
  try {
    const response = await fetch(new URL(`./levels/source/${id}.json`, document.baseURI), { cache: 'no-store' });
    if (!response.ok) return undefined;
    const text = await response.text();
    const value = JSON.parse(text) as unknown;
    return isRecord(value) ? { text, value } : undefined;
  } catch {
    return undefined;
  }
}

function showLoadProblems(file: string | null, lines: readonly string[] = [], loaded = false): void {
  loadProblems.hidden = file === null;
  if (file === null) return loadProblems.replaceChildren();
  loadProblems.replaceChildren(
    h('p', null, tn(loaded ? 'editor.load.loadedWithProblems' : 'editor.load.failed', lines.length, { file })),
    h('ul', null, ...lines.map((line) => h('li', null, h('code', null, line)))),
    h('button', { type: 'button', class: 'small', onclick: () => showLoadProblems(null) }, t('editor.load.dismiss')),
  );
}

async function loadFile(): Promise<void> {
  const file = fileInput.files?.[0];
  fileInput.value = '';
  if (!file) return;
  if (file.size > parser.MAX_LEVEL_BYTES) {
    showLoadProblems(file.name, [parser.formatProblem(parser.fileTooLarge(file.name, file.size))]);
    return;
  }
  // The bytes, not file.text(): a file that is not UTF-8 gets its own problem, not replacement characters.
  const bytes = new Uint8Array(await file.arrayBuffer());
  const result = parser.parseLevelFile(bytes, file.name);
  const lines = (result.ok ? result.warnings : result.problems).map(parser.formatProblem);
  const decoded = parser.decodeLevelBytes(bytes, file.name);
  const text = decoded.ok ? decoded.text.replace(/^\uFEFF/, '') : undefined;
  let value: unknown;
  try {
    value = text === undefined ? undefined : JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (!isRecord(value) || text === undefined) {
    // Not a JSON object: nothing to edit; the problems say where the text goes wrong.
    showLoadProblems(file.name, lines.length > 0 ? lines : [`${file.name}:1:1: (root): a level is a JSON object { … }`]);
    status(t('editor.load.refused', { file: file.name }));
    return;
  }
  if (lines.length > 0) showLoadProblems(file.name, lines, true);
  else showLoadProblems(null);
  replaceDraft(value, t('editor.load.loaded', { file: file.name }), file.name, text);
}

function errorsNow(): number {
  runCheck();
  return problems.filter((p) => p.severity === 'error').length;
}

function download(): void {
  const errors = errorsNow();
  const name = levelFileName(draft);
  downloadText(name, levelText(), 'application/json');
  status(errors === 0 ? t('editor.downloaded', { file: name }) : tn('editor.downloadedWithErrors', errors, { file: name }));
}

/**
 * Under `npm start`: writes the level to `levels/<id>.json` through the dev server
 * (build/levels-plugin.ts), which checks it again and refuses anything but a valid level
 * named after its id. The written text becomes the one later changes are made in.
 */
async function saveToLevels(overwrite = false): Promise<void> {
  const errors = errorsNow();
  if (errors > 0) {
    status(tn('editor.save.errors', errors));
    problemList.querySelector<HTMLElement>('button')?.focus();
    return;
  }
  const name = levelFileName(draft);
  const file = `levels/${name}`;
  const text = levelText();
  // The file this level was opened from (or last saved to) is replaced without asking.
  overwrite ||= `${history.present.from}.json` === name;
  status(t('editor.save.saving', { file }));
  let response: Response;
  try {
    response = await fetch(new URL(`./levels/source/${name}${overwrite ? '?overwrite=1' : ''}`, document.baseURI), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: text,
    });
  } catch (e) {
    status(t('editor.save.failed', { file, reason: e instanceof Error ? e.message : String(e) }));
    return;
  }
  const answer = (await response.json().catch(() => ({}))) as { problems?: string[]; message?: string };
  if (response.status === 409 && !overwrite) {
    if (window.confirm(t('editor.save.replace', { file }))) await saveToLevels(true);
    return;
  }
  if (!response.ok) {
    status(t('editor.save.failed', { file, reason: [answer.message ?? String(response.status), ...(answer.problems ?? [])].join('; ') }));
    return;
  }
  const id = typeof draft.id === 'string' ? draft.id : '';
  history = record(history, { draft, source: text, from: id }, performance.now());
  try {
    forgetLevels();
    shipped = (await listLevels()).levels;
  } catch {
    // The list stays as it was; the file is saved.
  }
  afterChange(false);
  status(t('editor.save.saved', { file }));
}

function playTest(): void {
  const errors = errorsNow();
  if (errors > 0) {
    status(tn('editor.play.errors', errors));
    problemList.querySelector<HTMLElement>('button')?.focus();
    return;
  }
  // The game page carries no level parser: it gets the level already checked and normalised here.
  const checked = parser.parseLevel(levelText(), levelFileName(draft));
  if (!checked.ok) {
    status(tn('editor.play.errors', checked.problems.length));
    return;
  }
  const stored = storeDraft(JSON.stringify(checked.value));
  if (!stored.ok) {
    status(t(stored.reason === 'too-large' ? 'editor.play.tooLarge' : 'editor.play.noStorage'));
    return;
  }
  const seedText = seedInput.value.trim();
  const seed = /^\d{1,10}$/.test(seedText) && Number(seedText) <= 2 ** 31 - 1 ? Number(seedText) : 1;
  const difficulty = (['easy', 'normal', 'hard'] as const).find((d) => d === difficultySelect.value) ?? ('normal' satisfies DraftDifficulty);
  const url = draftPlayUrl(seed, difficulty);
  // A new tab starts with a copy of this tab's session storage, where the draft is; without pop-ups, this tab goes.
  const opened = window.open(url, '_blank');
  if (!opened) window.location.assign(url);
  status(t('editor.play.opened', { seed, difficulty: t(`editor.${difficulty}`) }));
}

/* ------------------------------------------------------------------ wiring */

function wire(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('#tools [data-tool]')) {
    button.addEventListener('click', () => setTool(button.dataset.tool as Tool));
  }
  byId('fit').addEventListener('click', () => map.fit());
  byId('zoom-in').addEventListener('click', () => map.zoom(1.25));
  byId('zoom-out').addEventListener('click', () => map.zoom(0.8));
  byId('open-go').addEventListener('click', () => void openChosen());
  byId('load-file').addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => void loadFile());
  byId('download').addEventListener('click', download);
  // Only the dev server can write to levels/; a built site has no such button.
  const save = byId<HTMLButtonElement>('save-levels');
  save.hidden = !import.meta.env.DEV;
  save.addEventListener('click', () => void saveToLevels());
  byId('play-test').addEventListener('click', playTest);
  undoButton.addEventListener('click', undo);
  redoButton.addEventListener('click', redo);
  form.addEventListener('submit', (e) => e.preventDefault());
  document.addEventListener('keydown', (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const target = e.target instanceof HTMLElement ? e.target : null;
    // Text boxes keep their own undo.
    if (target && (target.matches('input, textarea, select') || target.isContentEditable)) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) {
      e.preventDefault();
      undo();
    } else if ((key === 'z' && e.shiftKey) || key === 'y') {
      e.preventDefault();
      redo();
    }
  });
}

/** Read-only hooks for the end-to-end tests: the text that Download would save, and where a place is on the map. */
declare global {
  interface Window {
    __lifelineEditor?: { text(): string; mapPoint(lat: number, lon: number): { x: number; y: number }; selection(): string };
  }
}

async function boot(): Promise<void> {
  parser = await import('../levels/parse');
  wire();
  const restored = restoreWork();
  if (restored) {
    history = startHistory(restored);
    draft = restored.draft;
  }
  setupLanguage('editor.pageTitle', () => {
    renderOpenChoices();
    setTool(tool);
    renderOutline();
    renderLegend();
    renderInspector(false);
    renderProblems();
  });
  map.fit();
  afterChange(false);
  status(restored ? t('editor.restored') : t('editor.started'));
  window.__lifelineEditor = {
    text: levelText,
    mapPoint: (lat, lon) => {
      const p = map.project({ lat, lon });
      const box = map.element.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    },
    selection: () => pathKey(selectionPath(selection)),
  };
  void loadOutlines().then((outlines) => map.setOutlines(outlines));
  try {
    shipped = (await listLevels()).levels;
  } catch {
    shipped = [];
  }
  renderOpenChoices();
  runCheck();
  document.body.dataset.ready = 'true';
}

void boot();

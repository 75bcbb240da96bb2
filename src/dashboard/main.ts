/**
 * The class dashboard: the instructor drops the students' result files (or pastes their
 * codes); each is replayed in a worker and only a result whose every daily hash matches is
 * counted. Tampered, foreign or broken results get a row saying why, and never disturb the
 * rows already there. Then: a table, class charts, a CSV export, a printable page, and
 * discussion questions drawn from what the class did. Nothing leaves the browser.
 */
import '../styles.css';
import '../instructor/tool.css';
import './dashboard.css';
import { addStrings, formatNumber, isStringKey, pick, t, tCount, type Params, type StringKey } from '../app/i18n';
import { listLevels, loadLevel } from '../app/levels';
import type { PolicyId } from '../levels/constants';
import type { Level } from '../levels/schema';
import { reason, type Parsed } from '../sim/reason';
import { MAX_RESULT_BYTES } from '../sim/result';
import { createCharts, PALETTE, type ChartSpec, type Charts } from '../ui/charts';
import { h } from '../ui/dom';
import { dashboard } from '../strings/dashboard';
import { instructor } from '../strings/instructor';
import { byId, downloadText, setupLanguage } from '../instructor/page';
import { settingsInWords } from '../app/briefing';
import { MAX_SETTINGS_BYTES, parseSettingsFile, parseShareLink, type ClassFile, type ShareLinkResult } from '../app/share';
import { levelHash } from '../sim/context';
import { classSummary, discussionPrompts, isAttackReason, type StudentStats } from './analysis';
import { classDifferences, type ClassReference, type Difference } from './class';
import { toCsv, type Cell } from './csv';
import { filesProblem, readPaste, type LoadProblem } from './intake';
import { VerifierPool } from './pool';
import type { InputKind, VerifyResponse } from './verify';

addStrings(instructor);
addStrings(dashboard);

interface Entry {
  id: number;
  /** Row number shown to the instructor (order of loading, never reused). */
  n: number;
  source: string;
  status: 'checking' | 'verified' | 'flagged';
  stats?: StudentStats;
  flag?: { key: StringKey; params: Params };
  claimed?: { alias?: string; level?: string; seed?: number };
}

const entries: Entry[] = [];
let nextId = 1;
/** One set of charts per chart, each drawn in its own task: a class's worth of lines is the page's heaviest drawing. */
let charts: Charts[] = [];
let chartsKey = '';
let levelPolicies: Level['policies'] = [];
/** The shipped levels, once loaded: the class's level is described and hashed from them. */
let shipped = new Map<string, Level | null>();
/** The instructor's class: every verified result is checked against it. */
let reference: ClassReference | null = null;

const progress = byId('progress');
const loadProblemText = byId('load-problem');
const codes = byId<HTMLTextAreaElement>('codes');
const fileInput = byId<HTMLInputElement>('files');
/** Levels load once; results dropped before that wait for them. */
const ready: Promise<VerifierPool> = startPool();
const dropZone = byId('drop-zone');

/* ------------------------------------------------------------------ loading */

async function startPool(): Promise<VerifierPool> {
  const levels = new Map<string, Level | null>();
  try {
    const index = await listLevels();
    await Promise.all(
      index.levels.map(async (entry) => {
        const loaded = await loadLevel(entry.id);
        levels.set(entry.id, loaded.ok ? loaded.level : null);
      }),
    );
  } catch {
    // No level list (offline before the first visit): every result will be flagged as for an unknown scenario.
  }
  levelPolicies = [...new Set([...levels.values()].flatMap((l) => l?.policies ?? []))];
  shipped = levels;
  return new VerifierPool(levels);
}

/** A row at once (checking…), then its check; `text` may still be loading from disk. */
function add(source: string, kind: InputKind, text: string | Promise<string>): void {
  const entry: Entry = { id: nextId, n: nextId, source, status: 'checking' };
  nextId += 1;
  entries.push(entry);
  void Promise.resolve(text)
    .then((content) => ready.then((p) => p.verify({ id: entry.id, kind, text: content })))
    .then(settle, () => settle({ id: entry.id, ok: false, flag: { key: 'dash.flag.unreadable', detail: reason('file.unreadable') } }));
}

function addFlagged(source: string, key: StringKey, params: Params): void {
  entries.push({ id: nextId, n: nextId, source, status: 'flagged', flag: { key, params } });
  nextId += 1;
}

const sameGame = (a: StudentStats, b: StudentStats): boolean => a.finalStateHash === b.finalStateHash && a.levelId === b.levelId && a.seed === b.seed && a.difficulty === b.difficulty;

function settle(response: VerifyResponse): void {
  const entry = entries.find((e) => e.id === response.id);
  if (!entry) return; // removed while it was being checked
  if (response.ok) {
    // Two files of one game: only the first loaded counts; the copy is flagged (a student handing in a friend's file under their own alias).
    const twin = entries.find((e) => e !== entry && e.status === 'verified' && e.stats && sameGame(e.stats, response.stats));
    if (twin && twin.n < entry.n) {
      entry.status = 'flagged';
      entry.flag = { key: 'dash.flag.duplicate', params: { n: twin.n } };
      entry.claimed = { alias: response.stats.alias, level: response.stats.levelId, seed: response.stats.seed };
    } else {
      entry.status = 'verified';
      entry.stats = response.stats;
      if (twin) {
        twin.status = 'flagged';
        twin.flag = { key: 'dash.flag.duplicate', params: { n: entry.n } };
        twin.claimed = { alias: twin.stats?.alias, level: twin.stats?.levelId, seed: twin.stats?.seed };
        twin.stats = undefined;
      }
    }
  } else {
    entry.status = 'flagged';
    entry.flag = { key: response.flag.key, params: { detail: response.flag.detail } };
    if (response.claimed) entry.claimed = response.claimed;
  }
  scheduleRender();
}

/** A load refused whole (too much at once, nothing to read): said until the next load, in the page's language. */
let loadProblem: LoadProblem | null = null;

function showLoadProblem(problem: LoadProblem | null): void {
  loadProblem = problem;
  loadProblemText.hidden = problem === null;
  loadProblemText.textContent = problem ? t(problem.key, problem.params) : '';
}

function addFiles(files: readonly File[]): void {
  const problem = filesProblem(files.length);
  showLoadProblem(problem);
  if (problem) return;
  for (const file of files) {
    if (file.size > MAX_RESULT_BYTES) addFlagged(file.name, 'dash.flag.tooLarge', { max: MAX_RESULT_BYTES / 1024 / 1024 });
    else add(file.name, 'file', file.text());
  }
  scheduleRender();
}

function addPasted(): void {
  // A refused paste stays in the box, to be trimmed or split.
  const pasted = readPaste(codes.value);
  showLoadProblem(pasted.ok ? null : pasted.problem);
  if (!pasted.ok) return;
  for (const item of pasted.items) add(t('dash.source.code'), item.kind, item.text);
  codes.value = '';
  scheduleRender();
}

function remove(id: number): void {
  const index = entries.findIndex((e) => e.id === id);
  if (index < 0) return;
  const [gone] = entries.splice(index, 1);
  render();
  const next = entries[index] ?? entries[index - 1];
  const focus = next ? document.querySelector<HTMLElement>(`[data-remove="${next.id}"]`) : byId('load');
  focus?.focus();
  progress.textContent = t('dash.removed', { n: gone!.n });
}

/* ------------------------------------------------------------------ the class */

const classProblem = byId('class-problem');
/** Why the last class could not be taken, said again in the page's language. */
let classFailure: { key: StringKey; params: Params } | null = null;

function showClassProblem(failure: { key: StringKey; params: Params } | null): void {
  classFailure = failure;
  classProblem.hidden = failure === null;
  classProblem.textContent = failure ? t(failure.key, failure.params) : '';
}

/** The class to check against, from a class file or a link; a bad one changes nothing. */
async function useClass(read: () => Parsed<ClassFile> | ShareLinkResult): Promise<void> {
  await ready;
  const got = read();
  const link = 'kind' in got ? (got.kind === 'ok' ? got.link : null) : got.ok ? got.value : null;
  if (!link) {
    const why = 'kind' in got ? (got.kind === 'error' ? got.reason : reason('link.noVersion')) : !got.ok ? got.reason : reason('link.noVersion');
    return showClassProblem({ key: 'dash.classFailed', params: { reason: why } });
  }
  const level = shipped.get(link.level);
  if (!level) return showClassProblem({ key: 'dash.classFailed', params: { reason: reason('link.unknownLevel', { level: link.level }) } });
  // A class link names no version of its level: the shipped one, which the results are replayed on.
  reference = { link, levelHash: (link as ClassFile).levelHash ?? levelHash(level) };
  showClassProblem(null);
  chartsKey = '';
  render();
}

function loadClassFile(input: HTMLInputElement): void {
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  if (file.size > MAX_SETTINGS_BYTES) return showClassProblem({ key: 'dash.classFailed', params: { reason: reason('settings.tooLarge', { kb: MAX_SETTINGS_BYTES / 1024 }) } });
  void file.text().then(
    (text) => useClass(() => parseSettingsFile(text, [...shipped.keys()])),
    () => showClassProblem({ key: 'dash.classFailed', params: { reason: reason('file.unreadable') } }),
  );
}

function useClassLink(text: string): void {
  const trimmed = text.trim();
  const search = (() => {
    try {
      return new URL(trimmed).search;
    } catch {
      return trimmed.startsWith('?') ? trimmed : `?${trimmed}`;
    }
  })();
  void useClass(() => {
    const parsed = parseShareLink(search, [...shipped.keys()]);
    return parsed.kind === 'none' ? { kind: 'error', code: 'invalid', reason: reason('link.noVersion') } : parsed;
  });
}

function renderClass(): void {
  byId('class-none').hidden = reference !== null;
  byId('class-info').hidden = reference === null;
  if (!reference) return;
  const link = reference.link;
  const level = shipped.get(link.level);
  byId('class-summary').textContent = t('dash.classSummary', { level: level ? pick(level.title) : link.level, difficulty: t(`dash.difficulty.${link.difficulty}`), seed: String(link.seed) });
  const lines = level ? settingsInWords(link.settings, level, (id) => policyName(id)) : [];
  byId('class-changes').replaceChildren(...(lines.length === 0 ? [t('dash.classAsWritten')] : lines).map((line) => h('li', null, line)));
}

/* ------------------------------------------------------------------ rendering */

/** While results arrive, the table is drawn again at most this often: each arrival would otherwise lay the whole table out. */
const ROWS_EVERY_MS = 250;
let renderQueued = false;
let renderedAt = -Infinity;
function scheduleRender(): void {
  if (renderQueued) return;
  renderQueued = true;
  const checking = entries.some((e) => e.status === 'checking');
  const wait = checking ? Math.max(0, renderedAt + ROWS_EVERY_MS - performance.now()) : 0;
  setTimeout(() => {
    requestAnimationFrame(() => {
      renderQueued = false;
      renderedAt = performance.now();
      render();
    });
  }, wait);
}

/**
 * The charts are the page's heaviest drawing: while results arrive they are redrawn at most
 * once a second (each arrival only marks them out of date), and once more when the last
 * result is in.
 */
const CHARTS_EVERY_MS = 1000;
let chartsDrawnAt = -Infinity;
let chartsTimer: ReturnType<typeof setTimeout> | undefined;
function chartsDue(checking: number): boolean {
  if (checking === 0) return true;
  const wait = chartsDrawnAt + CHARTS_EVERY_MS - performance.now();
  if (wait <= 0) return true;
  chartsTimer ??= setTimeout(() => {
    chartsTimer = undefined;
    scheduleRender();
  }, wait);
  return false;
}

/** A row as the page shows it: a result verified by replay but played on another scenario than the class's is flagged, not counted. */
interface Shown {
  status: Entry['status'];
  stats?: StudentStats;
  flag?: { key: StringKey; params: Params };
  claimed?: Entry['claimed'];
  /** The alias of a game the replay verified, though not the class's game. */
  alias?: string;
}
function shown(e: Entry): Shown {
  if (e.status !== 'verified' || !e.stats || !reference) return e;
  const diffs = classDifferences(reference, e.stats.scenario);
  if (diffs.length === 0) return e;
  return {
    status: 'flagged',
    flag: { key: 'dash.flag.otherScenario', params: { detail: diffs.map(differenceText).join(t('dash.diff.and')) } },
    claimed: { alias: e.stats.alias, level: e.stats.levelId, seed: e.stats.seed },
    alias: aliasOf(e.stats),
  };
}

const policyNames = (ids: readonly PolicyId[] | null): string => (ids === null ? t('dash.diff.allPolicies') : ids.length === 0 ? t('dash.none') : ids.map(policyName).join(', '));
const speedText = (n: number | null): string => (n === null ? t('dash.diff.free') : `×${n}`);
const limitText = (n: number | null): string => (n === null ? t('dash.diff.noLimit') : t('dash.diff.minutes', { n }));
function differenceText(d: Difference): string {
  switch (d.key) {
    case 'dash.diff.policies':
      return t(d.key, { played: policyNames(d.params.played), class: policyNames(d.params.class) });
    case 'dash.diff.speed':
      return t(d.key, { played: speedText(d.params.played), class: speedText(d.params.class) });
    case 'dash.diff.timeLimit':
      return t(d.key, { played: limitText(d.params.played), class: limitText(d.params.class) });
    case 'dash.diff.difficulty':
      return t(d.key, { played: t(`dash.difficulty.${d.params.played}`), class: t(`dash.difficulty.${d.params.class}`) });
    default:
      return t(d.key, d.params);
  }
}

const verified = (): StudentStats[] => entries.flatMap((e) => {
  const row = shown(e);
  return row.status === 'verified' && row.stats ? [row.stats] : [];
});
const pct = (n: number): string => t('dash.pct', { n });
const millions = (litres: number): string => tCount('dash.millionLitres', litres / 1_000_000, 1);
const policyName = (id: PolicyId): string => t(`hud.policy.${id}`);
const levelName = (s: StudentStats): string => pick(s.levelTitle);
const aliasOf = (s: StudentStats): string => s.alias || t('dash.noAlias');
const flagText = (e: Shown): string => (e.flag ? t(e.flag.key, e.flag.params) : '');

function renderProgress(): void {
  const checking = entries.filter((e) => e.status === 'checking').length;
  const done = entries.length - checking;
  if (entries.length === 0) return;
  progress.textContent =
    checking > 0
      ? t('dash.progress', { done, total: entries.length })
      : t('dash.progressDone', { verified: entries.filter((e) => shown(e).status === 'verified').length, flagged: entries.filter((e) => shown(e).status === 'flagged').length });
  document.body.dataset.checking = String(checking);
}

const COLUMNS = ['n', 'status', 'alias', 'level', 'difficulty', 'seed', 'outcome', 'score', 'days', 'fuel', 'lost', 'services', 'trust', 'rural', 'convoys', 'policies', 'source', 'actions'] as const;

function renderTable(): void {
  byId('students-head').replaceChildren(...COLUMNS.map((c) => h('th', { scope: 'col', class: `col-${c}` }, t(`dash.col.${c}`))));
  byId('students-body').replaceChildren(
    ...entries.map((entry) => {
      const e = { ...shown(entry), id: entry.id, n: entry.n, source: entry.source };
      const s = e.stats;
      const status = h('td', { class: 'status-cell' }, h('span', { class: `badge badge-${e.status}` }, h('span', { 'aria-hidden': 'true' }, e.status === 'verified' ? '✔ ' : e.status === 'flagged' ? '✖ ' : '… '), t(`dash.status.${e.status}`)));
      const removeButton = h('td', { class: 'no-print' }, h('button', { type: 'button', class: 'small', 'data-remove': e.id, 'aria-label': t('dash.removeLabel', { n: e.n }), onclick: () => remove(e.id) }, t('dash.remove')));
      if (!s) {
        const claimed = e.alias ?? (e.claimed?.alias ? t('dash.claimed', { alias: e.claimed.alias }) : '—');
        return h(
          'tr',
          { class: `row-${e.status}`, 'data-status': e.status },
          h('th', { scope: 'row' }, String(e.n)),
          status,
          h('td', null, claimed),
          h('td', { colspan: COLUMNS.length - 5, class: 'flag-reason' }, h('div', { class: 'flag-text' }, e.status === 'checking' ? '' : flagText(e))),
          h('td', { class: 'source' }, e.source),
          removeButton,
        );
      }
      return h(
        'tr',
        { class: 'row-verified', 'data-status': 'verified' },
        h('th', { scope: 'row' }, String(e.n)),
        status,
        h('td', { class: 'alias' }, aliasOf(s)),
        h('td', { class: 'level' }, levelName(s)),
        h('td', null, t(`dash.difficulty.${s.difficulty}`)),
        h('td', { class: 'num' }, String(s.seed)),
        h('td', { 'data-outcome': s.result.outcome }, t(`dash.outcome.${s.result.outcome}`)),
        h('td', { class: 'num' }, formatNumber(s.result.score)),
        h('td', { class: 'num' }, t('dash.daysValue', { n: s.result.daysSurvived, days: s.days })),
        h('td', { class: 'num' }, millions(s.result.metrics.fuelDeliveredL)),
        h('td', { class: 'num' }, formatNumber(s.result.metrics.tankersLost)),
        h('td', { class: 'num' }, pct(s.result.metrics.servicesKept)),
        h('td', { class: 'num' }, formatNumber(s.result.metrics.trust)),
        h('td', { class: 'num' }, pct(s.result.metrics.ruralSecurity)),
        h('td', { class: 'num' }, t('dash.convoysValue', { n: s.convoys, escorted: s.escortedConvoys })),
        h('td', { class: 'policies' }, s.policies.length === 0 ? t('dash.none') : s.policies.map(policyName).join(', ')),
        h('td', { class: 'source' }, e.source),
        removeButton,
      );
    }),
  );
}

function renderSummary(rows: StudentStats[]): void {
  const sum = classSummary(rows);
  const flagged = entries.filter((e) => shown(e).status === 'flagged').length;
  const item = (key: StringKey, value: string, tone?: string): HTMLElement => h('div', { class: `stat${tone ? ` stat-${tone}` : ''}` }, h('dt', null, t(key)), h('dd', null, value));
  byId('summary').replaceChildren(
    item('dash.sum.verified', formatNumber(sum.students)),
    item('dash.sum.flagged', formatNumber(flagged), flagged > 0 ? 'bad' : undefined),
    item('dash.sum.held', formatNumber(sum.held)),
    item('dash.sum.collapsed', formatNumber(sum.collapsed)),
    ...(sum.unfinished > 0 ? [item('dash.sum.unfinished', formatNumber(sum.unfinished))] : []),
    item('dash.sum.score', formatNumber(sum.meanScore)),
    item('dash.sum.trust', `${formatNumber(sum.meanTrust)}/100`),
    item('dash.sum.rural', pct(sum.meanRural)),
  );
  // Against a class, a result of another scenario is flagged on its row; without one, the class is told it is mixed.
  const mixed = byId('mixed');
  mixed.hidden = reference !== null || sum.scenarios <= 1;
  mixed.textContent = t('dash.mixed', { n: sum.scenarios });
}

/** One line a student: the palette's colours, then again with a dash, and so on. */
const DASHES: (number[] | undefined)[] = [undefined, [8, 4], [2, 3], [10, 3, 2, 3]];

function chartSpecs(rows: StudentStats[]): ChartSpec[] {
  const sum = classSummary(rows);
  const days = Math.max(0, ...rows.map((r) => r.stockByDay.length));
  const reasons = sum.reasons.filter((r) => isAttackReason(r.key));
  return [
    {
      kind: 'bars',
      title: t('dash.chart.outcome'),
      caption: t('dash.chart.outcomeCaption'),
      yLabel: t('dash.chart.games'),
      categoryHeader: t('dash.col.outcome'),
      categories: [
        { label: t('dash.outcome.held'), value: sum.held, color: '#009e73' },
        { label: t('dash.outcome.collapsed'), value: sum.collapsed, color: '#d55e00' },
        ...(sum.unfinished > 0 ? [{ label: t('dash.outcome.playing'), value: sum.unfinished, color: '#c2b59b' }] : []),
      ],
    },
    {
      kind: 'lines',
      title: t('dash.chart.stock'),
      caption: t('dash.chart.stockCaption'),
      yLabel: t('dash.chart.stockUnit'),
      days: Array.from({ length: days }, (_, i) => i + 1),
      headroom: 0.05,
      series: rows.map((r, i) => ({
        label: `${i + 1}. ${aliasOf(r)}`,
        values: Array.from({ length: days }, (_, d) => (r.stockByDay[d] === undefined ? null : Math.round(r.stockByDay[d]! / 10_000) / 100)),
        color: PALETTE[i % PALETTE.length]!,
        dash: DASHES[Math.floor(i / PALETTE.length) % DASHES.length],
      })),
      format: (v) => formatNumber(v, 2),
    },
    {
      kind: 'bars',
      title: t('dash.chart.reasons'),
      caption: t('dash.chart.reasonsCaption'),
      yLabel: t('dash.chart.moves'),
      categoryHeader: t('dash.chart.reason'),
      extraColumns: [t('dash.chart.facedBy'), t('dash.chart.example')],
      categories: reasons.map((r, i) => ({
        label: t(`dash.reasonShort.${r.key}`),
        long: t(`dash.reason.${r.key}`),
        value: r.count,
        color: PALETTE[i % PALETTE.length]!,
        extra: [formatNumber(r.students), t(r.key, r.example)],
      })),
    },
    {
      kind: 'bars',
      title: t('dash.chart.policies'),
      caption: t('dash.chart.policiesCaption'),
      yLabel: t('dash.chart.students'),
      categoryHeader: t('dash.chart.policy'),
      categories: sum.policyUse.map((p, i) => ({ label: policyName(p.policy), value: p.students, color: PALETTE[(i + 1) % PALETTE.length]! })),
    },
  ];
}

function renderCharts(rows: StudentStats[]): void {
  // Redraw only when the verified games or the language changed, not on every progress tick.
  const key = `${document.documentElement.lang}|${rows.map((r) => r.finalStateHash + r.alias).join(',')}`;
  if (key === chartsKey || !chartsDue(entries.filter((e) => e.status === 'checking').length)) return;
  chartsKey = key;
  chartsDrawnAt = performance.now();
  for (const c of charts) c.destroy();
  const options = {
    dayLabel: t('dash.chart.day'),
    tableLabel: t('dash.chart.table'),
    titles: 'heading' as const,
    lineHeight: { share: 0.4, min: 200, max: 300 },
    pointsBelowDays: 0,
    lineAxisSize: 56,
  };
  const drawing = (charts = chartSpecs(rows).map((spec) => createCharts([spec], options)));
  byId('charts').replaceChildren(...drawing.map((c) => c.el));
  // One chart a task, so that the page answers between them; a newer set of charts stops this one.
  const drawNext = (i: number): void => {
    if (charts !== drawing || i >= drawing.length) return;
    drawing[i]!.draw('screen');
    setTimeout(() => drawNext(i + 1), 0);
  };
  setTimeout(() => drawNext(0), 0);
}

function renderPrompts(rows: StudentStats[]): void {
  byId('prompts').replaceChildren(
    ...discussionPrompts(rows, levelPolicies).map((p) => {
      // A parameter that names a catalog entry (a blockade reason) is said in words.
      const params = Object.fromEntries(Object.entries(p.params).map(([k, v]) => [k, typeof v === 'string' && v.startsWith('dash.') && isStringKey(v) ? t(v) : v]));
      return h('li', null, t(p.key, params));
    }),
  );
}

function render(): void {
  const rows = verified();
  const any = entries.length > 0;
  byId('empty').hidden = any;
  byId('summary-section').hidden = !any;
  byId('students-section').hidden = !any;
  byId('charts-section').hidden = rows.length === 0;
  byId('prompts-section').hidden = rows.length === 0;
  renderProgress();
  renderClass();
  if (!any) return;
  renderSummary(rows);
  renderTable();
  if (rows.length > 0) {
    renderCharts(rows);
    renderPrompts(rows);
  }
}

/* ------------------------------------------------------------------ export */

function exportCsv(): void {
  const header = ['n', 'status', 'alias', 'level', 'difficulty', 'seed', 'outcome', 'score', 'daysSurvived', 'days', 'fuelDeliveredL', 'tankersDelivered', 'tankersLost', 'servicesKept', 'trust', 'ruralSecurity', 'livesLost', 'educationDaysLost', 'convoys', 'escortedConvoys', 'policies', 'source', 'flag'];
  const rows = entries.map((entry): Cell[] => {
    const e = shown(entry);
    const s = e.stats;
    if (!s) return [entry.n, e.status, e.claimed?.alias ?? '', e.claimed?.level ?? '', '', e.claimed?.seed ?? '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', entry.source, flagText(e)];
    const m = s.result.metrics;
    return [entry.n, e.status, s.alias, s.levelId, s.difficulty, s.seed, s.result.outcome, s.result.score, s.result.daysSurvived, s.days, m.fuelDeliveredL, m.tankersDelivered, m.tankersLost, m.servicesKept, m.trust, m.ruralSecurity, m.livesLost, m.educationDaysLost, s.convoys, s.escortedConvoys, s.policies.join(' '), entry.source, ''];
  });
  downloadText(`${t('dash.csv.file')}.csv`, toCsv(header, rows), 'text/csv;charset=utf-8');
}

/* ------------------------------------------------------------------ wiring */

function wire(): void {
  byId('choose-files').addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    const files = [...(fileInput.files ?? [])];
    fileInput.value = '';
    addFiles(files);
  });
  byId('add-codes').addEventListener('click', addPasted);
  const classFile = byId<HTMLInputElement>('class-file');
  byId('class-file-button').addEventListener('click', () => classFile.click());
  classFile.addEventListener('change', () => loadClassFile(classFile));
  const classLink = byId<HTMLInputElement>('class-link');
  byId('class-use-link').addEventListener('click', () => useClassLink(classLink.value));
  classLink.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') useClassLink(classLink.value);
  });
  byId('class-clear').addEventListener('click', () => {
    reference = null;
    chartsKey = '';
    render();
    byId('class-file-button').focus();
  });
  byId('export-csv').addEventListener('click', exportCsv);
  byId('print').addEventListener('click', () => window.print());

  // The whole page takes dropped files; the drop zone shows where.
  let depth = 0;
  document.addEventListener('dragenter', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    depth += 1;
    dropZone.classList.add('dragging');
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) dropZone.classList.remove('dragging');
  });
  document.addEventListener('dragover', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('drop', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    depth = 0;
    dropZone.classList.remove('dragging');
    addFiles([...event.dataTransfer.files]);
  });

  // Paper is white: charts are redrawn dark on light for printing, then back.
  window.addEventListener('beforeprint', () => charts.forEach((c) => c.draw('print', 680)));
  window.addEventListener('afterprint', () => charts.forEach((c) => c.draw('screen')));
}

wire();
setupLanguage('dash.pageTitle', () => {
  chartsKey = '';
  showLoadProblem(loadProblem);
  showClassProblem(classFailure);
  render();
});
void ready.then(() => {
  document.body.dataset.ready = 'true';
});

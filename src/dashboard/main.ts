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
import { addStrings, formatNumber, isStringKey, pick, t, type Params, type StringKey } from '../app/i18n';
import { listLevels, loadLevel } from '../app/levels';
import type { PolicyId } from '../levels/constants';
import type { Level } from '../levels/schema';
import { reason } from '../sim/reason';
import { MAX_RESULT_BYTES } from '../sim/result';
import { createCharts, PALETTE, type ChartSpec, type Charts } from '../ui/charts';
import { h } from '../ui/dom';
import { dashboard } from '../strings/dashboard';
import { instructor } from '../strings/instructor';
import { byId, downloadText, setupLanguage } from '../instructor/page';
import { classSummary, discussionPrompts, isAttackReason, type StudentStats } from './analysis';
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
let charts: Charts | undefined;
let chartsKey = '';
let levelPolicies: Level['policies'] = [];

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

/* ------------------------------------------------------------------ rendering */

let renderQueued = false;
function scheduleRender(): void {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => {
    renderQueued = false;
    render();
  });
}

const verified = (): StudentStats[] => entries.flatMap((e) => (e.status === 'verified' && e.stats ? [e.stats] : []));
const pct = (n: number): string => t('dash.pct', { n });
const millions = (litres: number): string => t('dash.millionLitres', { n: formatNumber(litres / 1_000_000, 1) });
const policyName = (id: PolicyId): string => t(`hud.policy.${id}`);
const levelName = (s: StudentStats): string => pick(s.levelTitle);
const aliasOf = (s: StudentStats): string => s.alias || t('dash.noAlias');
const flagText = (e: Entry): string => (e.flag ? t(e.flag.key, e.flag.params) : '');

function renderProgress(): void {
  const checking = entries.filter((e) => e.status === 'checking').length;
  const done = entries.length - checking;
  if (entries.length === 0) return;
  progress.textContent =
    checking > 0
      ? t('dash.progress', { done, total: entries.length })
      : t('dash.progressDone', { verified: entries.filter((e) => e.status === 'verified').length, flagged: entries.filter((e) => e.status === 'flagged').length });
  document.body.dataset.checking = String(checking);
}

const COLUMNS = ['n', 'status', 'alias', 'level', 'difficulty', 'seed', 'outcome', 'score', 'days', 'fuel', 'lost', 'services', 'trust', 'rural', 'convoys', 'policies', 'source', 'actions'] as const;

function renderTable(): void {
  byId('students-head').replaceChildren(...COLUMNS.map((c) => h('th', { scope: 'col', class: `col-${c}` }, t(`dash.col.${c}`))));
  byId('students-body').replaceChildren(
    ...entries.map((e) => {
      const s = e.stats;
      const status = h('td', { class: 'status-cell' }, h('span', { class: `badge badge-${e.status}` }, h('span', { 'aria-hidden': 'true' }, e.status === 'verified' ? '✔ ' : e.status === 'flagged' ? '✖ ' : '… '), t(`dash.status.${e.status}`)));
      const removeButton = h('td', { class: 'no-print' }, h('button', { type: 'button', class: 'small', 'data-remove': e.id, 'aria-label': t('dash.removeLabel', { n: e.n }), onclick: () => remove(e.id) }, t('dash.remove')));
      if (!s) {
        const claimed = e.claimed?.alias ? t('dash.claimed', { alias: e.claimed.alias }) : '—';
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
        h('td', { 'data-outcome': s.outcome }, t(`dash.outcome.${s.outcome}`)),
        h('td', { class: 'num' }, formatNumber(s.score)),
        h('td', { class: 'num' }, t('dash.daysValue', { n: s.daysSurvived, days: s.days })),
        h('td', { class: 'num' }, millions(s.fuelDeliveredL)),
        h('td', { class: 'num' }, formatNumber(s.tankersLost)),
        h('td', { class: 'num' }, pct(s.servicesKept)),
        h('td', { class: 'num' }, formatNumber(s.trust)),
        h('td', { class: 'num' }, pct(s.ruralSecurity)),
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
  const flagged = entries.filter((e) => e.status === 'flagged').length;
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
  const mixed = byId('mixed');
  mixed.hidden = sum.scenarios <= 1;
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
  if (key === chartsKey) return;
  chartsKey = key;
  charts?.destroy();
  charts = createCharts(chartSpecs(rows), {
    dayLabel: t('dash.chart.day'),
    tableLabel: t('dash.chart.table'),
    titles: 'heading',
    lineHeight: { share: 0.4, min: 200, max: 300 },
    pointsBelowDays: 0,
    lineAxisSize: 56,
  });
  byId('charts').replaceChildren(charts.el);
  charts.draw('screen');
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
  const rows = entries.map((e): Cell[] => {
    const s = e.stats;
    if (!s) return [e.n, e.status, e.claimed?.alias ?? '', e.claimed?.level ?? '', '', e.claimed?.seed ?? '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', e.source, flagText(e)];
    return [e.n, e.status, s.alias, s.levelId, s.difficulty, s.seed, s.outcome, s.score, s.daysSurvived, s.days, s.fuelDeliveredL, s.tankersDelivered, s.tankersLost, s.servicesKept, s.trust, s.ruralSecurity, s.livesLost, s.educationDaysLost, s.convoys, s.escortedConvoys, s.policies.join(' '), e.source, ''];
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
  window.addEventListener('beforeprint', () => charts?.draw('print', 680));
  window.addEventListener('afterprint', () => charts?.draw('screen'));
}

wire();
setupLanguage('dash.pageTitle', () => {
  chartsKey = '';
  showLoadProblem(loadProblem);
  render();
});
void ready.then(() => {
  document.body.dataset.ready = 'true';
});

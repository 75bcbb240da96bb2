/**
 * The debrief: the outcome in several dimensions (never one "win"), charts over time, the
 * player's decisions beside what happened in the game and in 2025, the blockade's moves with
 * their reasons, the level's note on scale, sources, and discussion questions. Printable.
 */
import '../debrief.css';
import { formatDate, formatLitres, formatNumber, pick, t } from '../../app/i18n';
import type { GameSession } from '../../app/session';
import { SECTORS } from '../../levels/constants';
import { lessonFacts } from '../../sim/lessons';
import { outcomeOf } from '../../sim/selectors';
import { h, type Child } from '../dom';
import { newsText } from '../hud/model';
import { sectorName } from '../hud/names';
import { sourceLinks } from '../hud/news';
import { createCharts, PALETTE, type Charts, type LineSpec } from '../charts';
import { lessonTexts } from './lessons';
import { aiMoveText, dailySeries, dayRows, dayStartHour, decisionText, discussionQuestions, playerDecisions } from './model';
import { causeName, collapseText, signedNumber, townLosses, townLossText, trustWaterfall, type TownLoss } from './why';

export interface DebriefOptions {
  onMenu(): void;
  onExportResult(): void;
  onPrint?(): void;
}

const DASHES: (number[] | undefined)[] = [undefined, [6, 3], [2, 3], [10, 4, 2, 4], undefined, [6, 3], [2, 3]];

/** What a previous render left behind on the same root (charts, print listeners). */
const cleanups = new WeakMap<HTMLElement, () => void>();

export function renderDebrief(root: HTMLElement, session: GameSession, options: DebriefOptions): void {
  cleanups.get(root)?.();
  const { ctx, state } = session;
  const level = ctx.level;
  const outcome = outcomeOf(ctx, state);
  const m = outcome.metrics;
  const start = level.startDate;
  const lastDay = Math.max(1, outcome.daysSurvived);

  /* Outcome */
  const verdict =
    outcome.outcome === 'held'
      ? t('debrief.held', { days: level.days })
      : outcome.outcome === 'collapsed'
        ? t(state.collapseReason === 'trust' ? 'debrief.collapsedTrust' : 'debrief.collapsedFuel', { day: lastDay, n: level.collapse.noFuelDays })
        : session.timeUp
          ? t('debrief.timeUp', { day: Math.min(level.days, Math.floor(state.hour / 24) + 1), days: level.days })
          : t('debrief.unfinished', { day: lastDay, days: level.days });
  const totalTankers = m.tankersDelivered + m.tankersLost;
  const rows: [string, string, string?][] = [
    [t('debrief.m.days'), t('debrief.m.daysValue', { n: outcome.daysSurvived, days: level.days })],
    [t('debrief.m.fuel'), formatLitres(m.fuelDeliveredL), t('debrief.m.fuelNote', { stock: formatLitres(m.stockL) })],
    [
      t('debrief.m.tankers'),
      t('debrief.m.tankersValue', { delivered: m.tankersDelivered, lost: m.tankersLost }),
      totalTankers > 0 ? t('debrief.m.tankersNote', { pct: Math.round((100 * m.tankersLost) / totalTankers) }) : undefined,
    ],
    [t('debrief.m.services'), `${formatNumber(m.servicesKept)} %`, t('debrief.m.servicesNote')],
    [t('debrief.m.trust'), t('debrief.m.trustValue', { n: m.trust })],
    [t('debrief.m.rural'), `${formatNumber(m.ruralSecurity)} %`, t('debrief.m.ruralNote', { n: state.metrics.townsFallen })],
    [t('debrief.m.lives'), formatNumber(m.livesLost), t('debrief.m.livesNote')],
    [t('debrief.m.school'), formatNumber(m.educationDaysLost)],
    [t('debrief.m.budget'), t('debrief.m.budgetValue', { n: formatNumber(m.budgetLeftM), start: formatNumber(level.economy.budgetM) })],
  ];
  const metrics = h(
    'dl',
    { class: 'metrics' },
    ...rows.map(([label, value, note]) => h('div', { class: 'metric' }, h('dt', null, label), h('dd', null, h('strong', null, value), note ? h('span', { class: 'note' }, note) : null))),
  );

  /* Why: the collapse with its numbers, trust as a sum of its causes, the towns lost */
  const losses = townLosses(ctx, state, session.log);
  const why = whySection(ctx, state, losses);

  /* Charts */
  const series = dailySeries(state);
  const hundredths = (v: number): string => formatNumber(v, 2);
  const specs: LineSpec[] = [
    {
      kind: 'lines',
      format: hundredths,
      title: t('debrief.chart.stock'),
      caption: t('debrief.chart.stockCaption'),
      yLabel: t('debrief.chart.millionL'),
      days: series.days,
      series: [{ label: t('debrief.chart.stockSeries'), values: series.stockML, color: PALETTE[0]! }],
    },
    {
      kind: 'lines',
      format: hundredths,
      title: t('debrief.chart.trust'),
      caption: t('debrief.chart.trustCaption'),
      yLabel: t('debrief.chart.points'),
      days: series.days,
      range: [0, 100],
      series: [{ label: t('debrief.chart.trustSeries'), values: series.trust, color: PALETTE[1]! }],
    },
    {
      kind: 'lines',
      format: hundredths,
      title: t('debrief.chart.services'),
      caption: t('debrief.chart.servicesCaption'),
      yLabel: '%',
      days: series.days,
      range: [0, 100],
      series: SECTORS.map((s, i) => ({ label: sectorName(s), values: series.services[s], color: PALETTE[i]!, dash: DASHES[i] })),
    },
    {
      kind: 'lines',
      format: hundredths,
      title: t('debrief.chart.tankers'),
      caption: t('debrief.chart.tankersCaption'),
      yLabel: t('debrief.chart.tankersAxis'),
      days: series.days,
      series: [
        { label: t('debrief.chart.delivered'), values: series.delivered, color: PALETTE[2]!, bars: -1 },
        { label: t('debrief.chart.lost'), values: series.lost, color: PALETTE[5]!, bars: 1 },
      ],
    },
  ];
  const charts: Charts | null =
    series.days.length > 0
      ? createCharts(specs, {
          dayLabel: t('debrief.chart.day'),
          tableLabel: t('debrief.chart.table'),
          titles: 'caption',
          lineHeight: { share: 0.38, min: 180, max: 260 },
          pointsBelowDays: 20,
        })
      : null;

  /* Day by day: decisions, the game, 2025 */
  const dayList = dayRows(ctx, state, session.log).map((row) => {
    const column = (title: string, items: Child[], cls: string): HTMLElement =>
      h('div', { class: `day-col ${cls}` }, h('h4', null, title), items.length === 0 ? h('p', { class: 'muted' }, '—') : h('ul', null, ...items));
    return h(
      'section',
      { class: 'day-row' },
      h('h3', { class: 'day-title' }, t('debrief.dayTitle', { day: row.day, date: formatDate(start, dayStartHour(row.day)) })),
      h(
        'div',
        { class: 'day-cols' },
        column(
          t('debrief.col.decisions'),
          row.decisions.map((d) => h('li', null, h('time', null, `${String(d.hour % 24).padStart(2, '0')}:00`), ' ', decisionText(ctx, d, state))),
          'col-you',
        ),
        column(
          t('debrief.col.game'),
          row.news.map((n) => {
            const text = newsText(ctx, n);
            return h('li', null, h('time', null, `${String(n.hour % 24).padStart(2, '0')}:00`), ' ', text.title, text.body ? `. ${text.body}` : '');
          }),
          'col-game',
        ),
        column(
          t('debrief.col.real'),
          row.events.map((e) => h('li', null, h('strong', null, pick(e.title)), h('p', null, pick(e.body)), sourceLinks(ctx, e.sources))),
          'col-real',
        ),
      ),
    );
  });

  /* The blockade */
  const moves = state.aiMoves;
  const strikes = moves.filter((mv) => mv.kind !== 'move');
  const movements = moves.filter((mv) => mv.kind === 'move');
  const moveItem = (mv: (typeof moves)[number]): HTMLElement =>
    h(
      'li',
      null,
      h('span', { class: 'ai-when' }, t('debrief.ai.when', { day: Math.floor(mv.hour / 24) + 1, time: `${String(mv.hour % 24).padStart(2, '0')}:00`, cell: mv.cell.replace(/^cell-/, '') })),
      ' ',
      aiMoveText(ctx, mv, state),
    );

  /* Questions, scale, sources */
  const questions = discussionQuestions(ctx, state, session.log, losses);
  const decisions = playerDecisions(session.log);

  const actions = (): HTMLElement =>
    h(
      'div',
      { class: 'debrief-actions no-print' },
      h('button', { type: 'button', class: 'primary', onclick: () => options.onMenu() }, t('debrief.menu')),
      h('button', { type: 'button', onclick: () => (options.onPrint ?? (() => window.print()))() }, t('debrief.print')),
      h('button', { type: 'button', onclick: () => options.onExportResult() }, t('debrief.export')),
    );

  root.replaceChildren(
    h(
      'div',
      { class: 'debrief' },
      h(
        'header',
        { class: 'debrief-head' },
        h('p', { class: 'kicker' }, t('debrief.kicker', { level: pick(level.title) })),
        h('h1', { id: 'debrief-title', tabindex: -1 }, t(outcome.outcome === 'held' ? 'debrief.titleHeld' : outcome.outcome === 'collapsed' ? 'debrief.titleCollapsed' : session.timeUp ? 'debrief.titleTimeUp' : 'debrief.titleUnfinished')),
        h('p', { class: 'verdict', 'data-outcome': outcome.outcome }, verdict),
        h('p', { class: 'muted' }, t('debrief.notOneScore')),
        actions(),
      ),
      h('section', { 'aria-labelledby': 'd-metrics' }, h('h2', { id: 'd-metrics' }, t('debrief.results')), metrics),
      why,
      h(
        'section',
        { 'aria-labelledby': 'd-lessons' },
        h('h2', { id: 'd-lessons' }, t('lessons.title')),
        h('dl', { class: 'lessons' }, ...lessonTexts(ctx, lessonFacts(ctx, state)).map((l) => h('div', null, h('dt', null, l.title), h('dd', null, l.text)))),
      ),
      charts ? h('section', { 'aria-labelledby': 'd-charts' }, h('h2', { id: 'd-charts' }, t('debrief.charts')), charts.el) : null,
      h(
        'section',
        { 'aria-labelledby': 'd-days' },
        h('h2', { id: 'd-days' }, t('debrief.days')),
        h('p', { class: 'muted' }, t('debrief.daysIntro', { n: decisions.length })),
        ...dayList,
      ),
      h(
        'section',
        { 'aria-labelledby': 'd-ai' },
        h('h2', { id: 'd-ai' }, t('debrief.ai.title')),
        h('p', { class: 'muted' }, t('debrief.ai.intro')),
        strikes.length === 0 ? h('p', null, t('debrief.ai.none')) : h('ol', { class: 'ai-moves' }, ...strikes.map(moveItem)),
        movements.length > 0
          ? h('details', { class: 'ai-movements' }, h('summary', null, t('debrief.ai.movements', { n: movements.length })), h('ol', { class: 'ai-moves' }, ...movements.map(moveItem)))
          : null,
      ),
      h('section', { 'aria-labelledby': 'd-questions' }, h('h2', { id: 'd-questions' }, t('debrief.questions')), h('ol', { class: 'questions' }, ...questions.map((q) => h('li', null, q)))),
      level.scaleNote ? h('section', { 'aria-labelledby': 'd-scale' }, h('h2', { id: 'd-scale' }, t('debrief.scale')), h('p', null, pick(level.scaleNote))) : null,
      h(
        'section',
        { 'aria-labelledby': 'd-sources' },
        h('h2', { id: 'd-sources' }, t('debrief.sources')),
        h(
          'ul',
          { class: 'source-list' },
          ...level.sources.map((s) =>
            h('li', null, h('a', { href: s.url, rel: 'noopener', target: '_blank' }, s.title), ` — ${s.publisher}, ${s.date}`),
          ),
        ),
      ),
      h('footer', { class: 'debrief-foot no-print' }, actions()),
    ),
  );

  charts?.draw('screen');
  // Paper is white: redraw the charts for print, then back.
  const beforePrint = (): void => charts?.draw('print', 680);
  const afterPrint = (): void => charts?.draw('screen');
  window.addEventListener('beforeprint', beforePrint);
  window.addEventListener('afterprint', afterPrint);
  cleanups.set(root, () => {
    charts?.destroy();
    window.removeEventListener('beforeprint', beforePrint);
    window.removeEventListener('afterprint', afterPrint);
  });
  root.querySelector<HTMLElement>('#debrief-title')?.focus();
}

/** Why it turned out this way: the collapse named with its numbers, trust's causes added up, each town lost. */
function whySection(ctx: GameSession['ctx'], state: GameSession['state'], losses: readonly TownLoss[]): HTMLElement {
  const collapse = collapseText(ctx, state);
  const w = trustWaterfall(ctx, state);
  const widest = Math.max(1, ...w.causes.map((c) => Math.abs(c.total)), Math.abs(w.bounded));
  const bar = (n: number): HTMLElement => {
    const el = h('span', { class: 'why-bar', 'data-sign': n < 0 ? 'down' : 'up', 'aria-hidden': 'true' });
    el.style.setProperty('--share', `${Math.round((100 * Math.abs(n)) / widest)}%`);
    return el;
  };
  const row = (label: string, value: string, nights: string, delta: number | null, cls = ''): HTMLElement =>
    h('tr', { class: cls }, h('th', { scope: 'row' }, label), h('td', { class: 'num' }, value), h('td', { class: 'num' }, nights), h('td', { class: 'why-bars' }, delta === null ? null : bar(delta)));
  const table =
    w.causes.length === 0
      ? null
      : h(
          'table',
          { class: 'why-table' },
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('debrief.why.cause')), h('th', { scope: 'col' }, t('debrief.why.change')), h('th', { scope: 'col' }, t('debrief.why.nights')), h('td'))),
          h(
            'tbody',
            null,
            row(t('debrief.why.start'), formatNumber(w.start), '', null, 'why-total'),
            ...w.causes.map((c) => row(causeName(c.cause), signedNumber(c.total), formatNumber(c.nights), c.total)),
            w.bounded !== 0 ? row(t('debrief.why.bounded'), signedNumber(w.bounded), '', w.bounded) : null,
            row(t('debrief.why.end'), formatNumber(w.end), '', null, 'why-total'),
          ),
        );
  return h(
    'section',
    { 'aria-labelledby': 'd-why', class: 'why' },
    h('h2', { id: 'd-why' }, t('debrief.why.title')),
    ...(collapse ?? []).map((line) => h('p', { class: 'why-collapse' }, line)),
    h('p', null, w.causes.length === 0 ? t('debrief.why.trustNone', { start: w.start }) : t('debrief.why.trust', { start: w.start, end: w.end })),
    table,
    h('h3', null, t('debrief.why.towns')),
    losses.length === 0 ? h('p', null, t('debrief.why.townsNone')) : h('ul', { class: 'why-towns' }, ...losses.map((l) => h('li', null, townLossText(ctx, l)))),
  );
}

/**
 * Charts drawn with uPlot (small, fast, canvas), for the debrief and the class dashboard:
 * lines (or paired bars) over the days of a game, and horizontal bars over categories. Every
 * chart has a title, a caption and its numbers as a table, so nothing is told by the picture
 * alone; lines differ by dash as well as colour. Paper is white: `draw('print')` redraws them
 * dark on light. The pages say the words (`ChartsOptions`): nothing here reads a catalog.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './charts.css';
import { formatNumber } from '../app/i18n';
import { h } from './dom';

export type Theme = 'screen' | 'print';

/** Okabe–Ito, colour-blind safe (the game's palette), then a sand for "other". */
export const PALETTE = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7', '#c2b59b'];
/** On white paper the yellows, the sky blue and the sand are too pale: print uses darker cousins. */
const PRINT_COLOR: Record<string, string> = { '#e69f00': '#a66f00', '#56b4e9': '#1f6f99', '#f0e442': '#8a7d00', '#c2b59b': '#5c5340' };

const FONT = '12px system-ui, sans-serif';
/** Narrower than this, a chart is drawn at this width and its figure scrolls. */
const MIN_WIDTH = 240;

const THEMES = {
  screen: { axis: '#c2b59b', grid: 'rgba(194,181,155,0.18)' },
  print: { axis: '#000000', grid: 'rgba(0,0,0,0.2)' },
} as const;

export interface LineSeries {
  label: string;
  /** One value a day; `null`: no value that day (a game that ended sooner). */
  values: (number | null)[];
  /** A colour of PALETTE, and a dash pattern where colour alone would tell the lines apart. */
  color: string;
  dash?: number[];
  /** Drawn as bars beside the day (-1: left of it, 1: right of it) rather than as a line. */
  bars?: -1 | 1;
}

/** Values over the days of a game. */
export interface LineSpec {
  kind: 'lines';
  title: string;
  caption: string;
  yLabel: string;
  days: number[];
  series: LineSeries[];
  /** The y axis, fixed; by default from 0 (or the lowest value shown, if below) to the highest value shown (at least 1). */
  range?: [number, number];
  /** By default, room above the highest value: a share of it (0.05: 5 %). */
  headroom?: number;
  /** Values in the legend and the table. */
  format: (value: number) => string;
}

/** Horizontal bars, one a category: names on the left read whole, however long, on a phone too. */
export interface BarSpec {
  kind: 'bars';
  title: string;
  caption: string;
  yLabel: string;
  /** Short labels beside the bars; `long` in the table. */
  categories: { label: string; long?: string; value: number; color: string; extra?: string[] }[];
  /** Extra columns of the data table (with `extra` values per category). */
  extraColumns?: string[];
  /** Header of the first column of the data table. */
  categoryHeader: string;
}

export type ChartSpec = LineSpec | BarSpec;

/** What differs between the pages that show charts. */
export interface ChartsOptions {
  /** The x axis of line charts, and the first column of their tables. */
  dayLabel: string;
  /** The summary of each chart's table of numbers. */
  tableLabel: string;
  /** 'heading': each title an <h3> over its caption (a page of charts); 'caption': the title leads the caption (charts within a report). */
  titles: 'heading' | 'caption';
  /** Line charts' height: this share of their width, within [min, max] pixels. */
  lineHeight: { share: number; min: number; max: number };
  /** Dots on each day of a line chart over fewer days than this (a short game's few lines); 0: never (a class's many lines). */
  pointsBelowDays: number;
  /** Width of line charts' y axis, for long tick labels; uPlot's default otherwise. */
  lineAxisSize?: number;
}

function axis(label: string, theme: Theme): uPlot.Axis {
  const colors = THEMES[theme];
  return {
    label,
    stroke: colors.axis,
    grid: { stroke: colors.grid, width: 1 },
    ticks: { stroke: colors.grid, width: 1 },
    font: FONT,
    labelFont: FONT,
  };
}

const tint = (color: string, theme: Theme): string => (theme === 'print' ? (PRINT_COLOR[color] ?? color) : color);
const wholeTicks = (_u: uPlot, ticks: number[]): string[] => ticks.map((v) => (Number.isInteger(v) ? formatNumber(v) : ''));

let measurer: CanvasRenderingContext2D | null | undefined;
function textWidth(text: string): number {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * 7;
  measurer.font = FONT;
  return measurer.measureText(text).width;
}

/** Shortened to fit `width` pixels, with an ellipsis; the data table has the whole text. */
function fit(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && textWidth(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

function barOptions(spec: BarSpec, width: number, theme: Theme): uPlot.Options {
  const n = spec.categories.length;
  const max = Math.max(1, ...spec.categories.map((c) => c.value));
  const labelSpace = Math.min(Math.max(...spec.categories.map((c) => textWidth(c.label)), 40) + 14, Math.round(width * 0.45));
  return {
    width,
    height: 70 + Math.max(2, n) * 34,
    legend: { show: false },
    cursor: { show: false },
    scales: { x: { time: false, ori: 1, dir: -1, range: [-0.5, n - 0.5] }, y: { ori: 0, dir: 1, range: [0, Math.ceil(max * 1.1)] } },
    axes: [
      {
        ...axis('', theme),
        side: 3,
        size: labelSpace,
        gap: 6,
        splits: () => spec.categories.map((_, i) => i),
        values: (_u, splits) => splits.map((i) => fit(spec.categories[i]?.label ?? '', labelSpace - 12)),
        grid: { show: false },
      },
      { ...axis(spec.yLabel, theme), side: 2, values: wholeTicks },
    ],
    // One series per category, so that each bar has its own colour.
    series: [
      {},
      ...spec.categories.map(
        (c): uPlot.Series => ({
          label: c.label,
          stroke: tint(c.color, theme),
          fill: tint(c.color, theme),
          width: 1,
          paths: uPlot.paths.bars?.({ size: [0.65, 28] }),
          points: { show: false },
        }),
      ),
    ],
  };
}

function barData(spec: BarSpec): uPlot.AlignedData {
  const xs = spec.categories.map((_, i) => i);
  return [xs, ...spec.categories.map((c, i) => xs.map((x) => (x === i ? c.value : null)))];
}

/**
 * The days axis: from the first day to the last, and half a day more on each side when a series
 * is drawn as bars beside its day, so that the first and last days' bars are not cut in half.
 */
export function dayRange(spec: Pick<LineSpec, 'series'>, first: number, last: number): [number, number] {
  return spec.series.some((s) => s.bars !== undefined) ? [first - 0.5, last + 0.5] : [first, last];
}

function lineOptions(spec: LineSpec, width: number, theme: Theme, options: ChartsOptions): uPlot.Options {
  const { share, min, max } = options.lineHeight;
  return {
    width,
    height: Math.round(Math.min(max, Math.max(min, width * share))),
    scales: { x: { time: false, range: (_u, first, last) => dayRange(spec, first, last) }, y: { range: spec.range ?? ((_u, low, high) => [Math.min(0, low), Math.max(1, high * (1 + (spec.headroom ?? 0)))]) } },
    axes: [
      { ...axis(options.dayLabel, theme), values: wholeTicks },
      { ...axis(spec.yLabel, theme), ...(options.lineAxisSize ? { size: options.lineAxisSize } : {}) },
    ],
    cursor: { drag: { x: false, y: false } },
    legend: { live: true },
    series: [
      { label: options.dayLabel, value: (_u, v) => (v == null ? '—' : formatNumber(v)) },
      ...spec.series.map((s): uPlot.Series => {
        const color = tint(s.color, theme);
        return {
          label: s.label,
          stroke: color,
          width: 2,
          dash: s.dash,
          spanGaps: false,
          value: (_u, v) => (v == null ? '—' : spec.format(v)),
          ...(s.bars !== undefined
            ? { fill: color, paths: uPlot.paths.bars?.({ size: [0.4, 24], align: s.bars }), points: { show: false } }
            : { points: { show: spec.days.length < options.pointsBelowDays } }),
        };
      }),
    ],
  };
}

/**
 * The chart's numbers as a table, inside a closed <details>. The table is built when it is
 * first opened: a class's stock chart has thousands of cells, and laying them out for
 * every redraw kept the page busy for hundreds of milliseconds.
 */
function dataTable(spec: ChartSpec, options: ChartsOptions): HTMLElement {
  const details = h('details', { class: 'chart-data' }, h('summary', null, options.tableLabel));
  details.addEventListener('toggle', function fill() {
    if (!details.open) return;
    details.removeEventListener('toggle', fill);
    // Focusable: a keyboard scrolls a long table.
    details.append(h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': spec.title }, tableOf(spec, options)));
  });
  return details;
}

function tableOf(spec: ChartSpec, options: ChartsOptions): HTMLElement {
  const col = (text: string): HTMLElement => h('th', { scope: 'col' }, text);
  return spec.kind === 'bars'
      ? h(
          'table',
          null,
          h('caption', { class: 'visually-hidden' }, spec.title),
          h('thead', null, h('tr', null, col(spec.categoryHeader), col(spec.yLabel), ...(spec.extraColumns ?? []).map(col))),
          h(
            'tbody',
            null,
            ...spec.categories.map((c) =>
              h('tr', null, h('th', { scope: 'row', class: 'text' }, c.long ?? c.label), h('td', null, formatNumber(c.value)), ...(c.extra ?? []).map((x) => h('td', { class: 'text' }, x))),
            ),
          ),
        )
      : h(
          'table',
          null,
          h('caption', { class: 'visually-hidden' }, spec.title),
          h('thead', null, h('tr', null, col(options.dayLabel), ...spec.series.map((s) => col(s.label)))),
          h(
            'tbody',
            null,
            ...spec.days.map((day, i) =>
              h('tr', null, h('th', { scope: 'row' }, formatNumber(day)), ...spec.series.map((s) => h('td', null, s.values[i] == null ? '—' : spec.format(s.values[i]!)))),
            ),
          ),
        );
}

export interface Charts {
  el: HTMLElement;
  /** Draw (again) in a theme, at a width (for paper) or at the width of the page. */
  draw(theme: Theme, width?: number): void;
  destroy(): void;
}

export function createCharts(specs: ChartSpec[], options: ChartsOptions): Charts {
  const holders = specs.map(() => h('div', { class: 'chart', 'aria-hidden': 'true' }));
  const el = h(
    'div',
    { class: 'charts' },
    ...specs.map((spec, i) =>
      h(
        'figure',
        { class: 'chart-figure' },
        ...(options.titles === 'heading' ? [h('h3', null, spec.title), h('figcaption', null, spec.caption)] : [h('figcaption', null, h('strong', null, spec.title), ' ', spec.caption)]),
        holders[i]!,
        dataTable(spec, options),
      ),
    ),
  );
  let plots: uPlot[] = [];
  let theme: Theme = 'screen';

  let lastWidth = 0;
  function draw(next: Theme, width?: number): void {
    theme = next;
    // The observer below first reports the width just drawn at: that is no reason to draw again.
    if (next === 'screen' && width === undefined) lastWidth = holders[0]?.clientWidth ?? 0;
    for (const p of plots) p.destroy();
    plots = specs.map((spec, i) => {
      const holder = holders[i]!;
      const w = Math.max(MIN_WIDTH, Math.floor(width ?? holder.clientWidth ?? 600));
      return spec.kind === 'bars'
        ? new uPlot(barOptions(spec, w, theme), barData(spec), holder)
        : new uPlot(lineOptions(spec, w, theme, options), [spec.days, ...spec.series.map((s) => s.values)], holder);
    });
  }

  const resize = new ResizeObserver(() => {
    const w = holders[0]?.clientWidth ?? 0;
    if (theme !== 'screen' || w === 0 || Math.abs(w - lastWidth) < 8) return;
    lastWidth = w;
    // Heights and the bars' label space follow the width: redraw rather than resize.
    draw('screen');
  });
  for (const holder of holders) resize.observe(holder);

  return {
    el,
    draw,
    destroy() {
      resize.disconnect();
      for (const p of plots) p.destroy();
      plots = [];
    },
  };
}

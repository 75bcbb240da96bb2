/**
 * The class charts, drawn with uPlot: bar charts over categories (outcomes, blockade reasons,
 * policies) and one line per student (the depot's fuel). Every chart has a caption and its
 * numbers as a table, so nothing is told by the picture alone; lines differ by dash as well
 * as colour. Paper is white: `draw('print')` redraws them dark on light.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatNumber, t } from '../app/i18n';
import { h } from '../ui/dom';

export type Theme = 'screen' | 'print';

/** Okabe–Ito, colour-blind safe; the game's palette. */
export const PALETTE = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7', '#c2b59b'];
const PRINT_PALETTE: Record<string, string> = { '#e69f00': '#a66f00', '#56b4e9': '#1f6f99', '#f0e442': '#8a7d00', '#c2b59b': '#5c5340' };
const DASHES: (number[] | undefined)[] = [undefined, [8, 4], [2, 3], [10, 3, 2, 3]];

const FONT = '12px system-ui, sans-serif';

const THEMES = {
  screen: { axis: '#c2b59b', grid: 'rgba(194,181,155,0.18)' },
  print: { axis: '#000000', grid: 'rgba(0,0,0,0.2)' },
} as const;

export interface BarSpec {
  kind: 'bars';
  title: string;
  caption: string;
  yLabel: string;
  /** Short labels under the bars; `long` in the table. */
  categories: { label: string; long?: string; value: number; color: string; extra?: string[] }[];
  /** Extra columns of the data table (with `extra` values per category). */
  extraColumns?: string[];
  /** Header of the first column of the data table. */
  categoryHeader: string;
}

export interface LineSpec {
  kind: 'lines';
  title: string;
  caption: string;
  yLabel: string;
  days: number[];
  series: { label: string; values: (number | null)[] }[];
  /** Values in the table and the legend. */
  format: (value: number) => string;
}

export type ChartSpec = BarSpec | LineSpec;

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

const tint = (color: string, theme: Theme): string => (theme === 'print' ? (PRINT_PALETTE[color] ?? color) : color);
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

/** Horizontal bars: category names on the left read whole, however long, on a phone too. */
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

function lineOptions(spec: LineSpec, width: number, theme: Theme): uPlot.Options {
  return {
    width,
    height: Math.round(Math.min(300, Math.max(200, width * 0.4))),
    scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.05)] } },
    axes: [{ ...axis(t('dash.chart.day'), theme), values: wholeTicks }, { ...axis(spec.yLabel, theme), size: 56 }],
    cursor: { drag: { x: false, y: false } },
    legend: { live: true },
    series: [
      { label: t('dash.chart.day'), value: (_u, v) => (v == null ? '—' : formatNumber(v)) },
      ...spec.series.map(
        (s, i): uPlot.Series => ({
          label: s.label,
          stroke: tint(PALETTE[i % PALETTE.length]!, theme),
          dash: DASHES[Math.floor(i / PALETTE.length) % DASHES.length],
          width: 2,
          spanGaps: false,
          points: { show: false },
          value: (_u, v) => (v == null ? '—' : spec.format(v)),
        }),
      ),
    ],
  };
}

function dataTable(spec: ChartSpec): HTMLElement {
  const table =
    spec.kind === 'bars'
      ? h(
          'table',
          null,
          h('caption', { class: 'visually-hidden' }, spec.title),
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, spec.categoryHeader), h('th', { scope: 'col' }, spec.yLabel), ...(spec.extraColumns ?? []).map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', null, ...spec.categories.map((c) => h('tr', null, h('th', { scope: 'row' }, c.long ?? c.label), h('td', null, formatNumber(c.value)), ...(c.extra ?? []).map((x) => h('td', { class: 'text' }, x))))),
        )
      : h(
          'table',
          null,
          h('caption', { class: 'visually-hidden' }, spec.title),
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('dash.chart.day')), ...spec.series.map((s) => h('th', { scope: 'col' }, s.label)))),
          h(
            'tbody',
            null,
            ...spec.days.map((day, i) => h('tr', null, h('th', { scope: 'row' }, formatNumber(day)), ...spec.series.map((s) => h('td', null, s.values[i] == null ? '—' : spec.format(s.values[i]!))))),
          ),
        );
  return h('details', { class: 'chart-data' }, h('summary', null, t('dash.chart.table')), h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': spec.title }, table));
}

export interface Charts {
  el: HTMLElement;
  draw(theme: Theme, width?: number): void;
  destroy(): void;
}

export function createCharts(specs: ChartSpec[]): Charts {
  const holders = specs.map(() => h('div', { class: 'chart', 'aria-hidden': 'true' }));
  const el = h(
    'div',
    { class: 'dash-charts' },
    ...specs.map((spec, i) => h('figure', { class: 'chart-figure' }, h('h3', null, spec.title), h('figcaption', null, spec.caption), holders[i]!, dataTable(spec))),
  );
  let plots: uPlot[] = [];
  let theme: Theme = 'screen';

  function draw(next: Theme, width?: number): void {
    theme = next;
    for (const p of plots) p.destroy();
    plots = specs.map((spec, i) => {
      const holder = holders[i]!;
      const w = Math.max(240, Math.floor(width ?? holder.clientWidth ?? 600));
      return spec.kind === 'bars' ? new uPlot(barOptions(spec, w, theme), barData(spec), holder) : new uPlot(lineOptions(spec, w, theme), [spec.days, ...spec.series.map((s) => s.values)], holder);
    });
  }

  let lastWidth = 0;
  const resize = new ResizeObserver(() => {
    const w = holders[0]?.clientWidth ?? 0;
    if (theme !== 'screen' || w === 0 || Math.abs(w - lastWidth) < 8) return;
    lastWidth = w;
    // Bars change layout (rotated labels) with the width: redraw rather than resize.
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

/**
 * Charts over the days of the game, drawn with uPlot (small, fast, canvas). Each chart has a
 * caption and its data as a table, so nothing is told by the picture alone. For printing,
 * charts are redrawn black on white.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatNumber, t } from '../../app/i18n';
import { h } from '../dom';

export type Theme = 'screen' | 'print';

export interface SeriesSpec {
  label: string;
  values: number[];
  /** Okabe–Ito colour and a dash pattern: lines differ by more than colour. */
  color: string;
  dash?: number[];
  bars?: -1 | 1;
}

export interface ChartSpec {
  title: string;
  caption: string;
  yLabel: string;
  days: number[];
  series: SeriesSpec[];
  range?: [number, number];
}

const THEMES = {
  screen: { axis: '#c2b59b', grid: 'rgba(194,181,155,0.18)' },
  print: { axis: '#000000', grid: 'rgba(0,0,0,0.2)' },
} as const;

/** On white paper the yellow and sky blue are too pale: print uses darker cousins. */
const PRINT_COLOR: Record<string, string> = { '#f0e442': '#8a7d00', '#56b4e9': '#1f6f99', '#e69f00': '#a66f00' };

function options(spec: ChartSpec, width: number, theme: Theme): uPlot.Options {
  const colors = THEMES[theme];
  const axis = (label: string): uPlot.Axis => ({
    label,
    stroke: colors.axis,
    grid: { stroke: colors.grid, width: 1 },
    ticks: { stroke: colors.grid, width: 1 },
    font: '12px system-ui, sans-serif',
    labelFont: '12px system-ui, sans-serif',
  });
  return {
    width,
    height: Math.round(Math.min(260, Math.max(180, width * 0.38))),
    scales: { x: { time: false }, y: spec.range ? { range: spec.range } : { range: (_u, min, max) => [Math.min(0, min), Math.max(1, max)] } },
    axes: [{ ...axis(t('debrief.chart.day')), values: (_u, ticks) => ticks.map((v) => (Number.isInteger(v) ? formatNumber(v) : '')) }, axis(spec.yLabel)],
    cursor: { drag: { x: false, y: false } },
    legend: { live: true },
    series: [
      { label: t('debrief.chart.day'), value: (_u, v) => (v == null ? '—' : formatNumber(v)) },
      ...spec.series.map((s): uPlot.Series => {
        const color = theme === 'print' ? (PRINT_COLOR[s.color] ?? s.color) : s.color;
        return {
          label: s.label,
          stroke: color,
          width: 2,
          dash: s.dash,
          value: (_u, v) => (v == null ? '—' : formatNumber(v, 2)),
          ...(s.bars !== undefined
            ? { fill: color, paths: uPlot.paths.bars?.({ size: [0.4, 24], align: s.bars }), points: { show: false } }
            : { points: { show: spec.days.length < 20 } }),
        };
      }),
    ],
  };
}

/** The chart's numbers as a table, inside a closed <details>. */
function dataTable(spec: ChartSpec): HTMLElement {
  return h(
    'details',
    { class: 'chart-data' },
    h('summary', null, t('debrief.chart.table')),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        null,
        h('caption', { class: 'visually-hidden' }, spec.title),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('debrief.chart.day')), ...spec.series.map((s) => h('th', { scope: 'col' }, s.label)))),
        h(
          'tbody',
          null,
          ...spec.days.map((day, i) =>
            h('tr', null, h('th', { scope: 'row' }, formatNumber(day)), ...spec.series.map((s) => h('td', null, formatNumber(s.values[i] ?? 0, 2)))),
          ),
        ),
      ),
    ),
  );
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
    { class: 'charts' },
    ...specs.map((spec, i) =>
      h('figure', { class: 'chart-figure' }, h('figcaption', null, h('strong', null, spec.title), ' ', spec.caption), holders[i]!, dataTable(spec)),
    ),
  );
  let plots: uPlot[] = [];
  let theme: Theme = 'screen';

  function draw(next: Theme, width?: number): void {
    theme = next;
    for (const p of plots) p.destroy();
    plots = specs.map((spec, i) => {
      const holder = holders[i]!;
      const w = Math.max(260, Math.floor(width ?? holder.clientWidth ?? 600));
      const data: uPlot.AlignedData = [spec.days, ...spec.series.map((s) => s.values)];
      return new uPlot(options(spec, w, theme), data, holder);
    });
  }

  let lastWidth = 0;
  const resize = new ResizeObserver(() => {
    const w = holders[0]?.clientWidth ?? 0;
    if (theme !== 'screen' || w === 0 || Math.abs(w - lastWidth) < 8) return;
    lastWidth = w;
    plots.forEach((p, i) => p.setSize({ width: Math.max(260, holders[i]!.clientWidth), height: p.height }));
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

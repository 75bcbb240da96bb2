/**
 * The editor's map: an SVG drawn with DOM calls (no Phaser, no HTML parsing) from the draft.
 * Country outlines, roads coloured by corridor (dashed when laterite), towns shaped by kind,
 * entry points as flags beside their town. The tools place towns and entry points, draw
 * roads from town to town, and move things by dragging; with the keyboard, the arrow keys
 * nudge the selected town by 0.01° (0.1° with Shift).
 *
 * The map reads the draft and reports gestures to its host; it never changes the draft.
 */
import { t } from '../app/i18n';
import { idOf, isRecord, listOf, type Draft, type ListKey, type Selection } from './model';
import { boundsOf, fitProjection, type Bounds, type LatLon, type Projection } from './projection';
import type { CountryOutline } from './outlines';

export type Tool = 'select' | 'town' | 'entry' | 'road';

export interface MapHost {
  draft(): Draft;
  selection(): Selection;
  tool(): Tool;
  select(selection: Selection): void;
  addTown(at: LatLon): void;
  /** An entry point at a town, or at a new border town placed at a position. */
  addEntry(at: number | LatLon): void;
  addRoad(from: number, to: number): void;
  /** `final` is false while dragging (no undo step yet) and true when the town is dropped. */
  moveTown(index: number, at: LatLon, final: boolean): void;
  moveEntry(entry: number, town: number): void;
  nudge(dLat: number, dLon: number): void;
  deleteSelection(): void;
  severity(list: ListKey, index: number): 'error' | 'warning' | undefined;
  status(text: string): void;
}

const SVG = 'http://www.w3.org/2000/svg';
const NUDGE_DEG = 0.01;
/** Pointer travel (px) before a press on a town becomes a drag. */
const DRAG_SLOP = 3;
/** How close (px) a drop must land to a town to count as on it. */
const HIT_RADIUS = 16;
const CORRIDOR_COLOURS = 6;

type Attrs = Record<string, string | number>;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (SVGElement | string)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  for (const child of children) el.append(child);
  return el;
}

interface TownPoint {
  index: number;
  id: string | undefined;
  name: string;
  kind: string;
  x: number;
  y: number;
}

type Gesture =
  | { kind: 'town'; index: number; startX: number; startY: number; moved: boolean }
  | { kind: 'entry'; index: number; startX: number; startY: number; moved: boolean }
  | { kind: 'pan'; startX: number; startY: number; moved: boolean; bounds: Bounds; projection: Projection };

/** The narrowest and widest views, in degrees of latitude. */
const MIN_SPAN_DEG = 0.05;
const MAX_SPAN_DEG = 40;

export class MapView {
  readonly element: SVGSVGElement;
  private projection: Projection;
  private bounds: Bounds;
  private outlines: CountryOutline[] = [];
  private pendingRoad: number | null = null;
  private gesture: Gesture | null = null;
  private readonly overlay: SVGGElement;
  private readonly content: SVGGElement;

  constructor(
    private readonly container: HTMLElement,
    private readonly host: MapHost,
  ) {
    this.element = svg('svg', { class: 'ed-map-svg', 'aria-hidden': 'true', focusable: 'false' });
    this.content = svg('g');
    this.overlay = svg('g', { class: 'm-overlay' });
    this.element.append(this.content, this.overlay);
    container.prepend(this.element);
    this.bounds = boundsOf([]);
    this.projection = fitProjection(this.bounds, 800, 600);
    this.element.addEventListener('pointerdown', (e) => this.onPointerDown(e));
    this.element.addEventListener('pointermove', (e) => this.onPointerMove(e));
    this.element.addEventListener('pointerup', (e) => this.onPointerUp(e));
    this.element.addEventListener('pointercancel', () => this.cancelGesture());
    this.element.addEventListener(
      'wheel',
      (e) => {
        e.preventDefault();
        this.zoom(e.deltaY < 0 ? 1.25 : 0.8, this.point(e));
      },
      { passive: false },
    );
    container.addEventListener('keydown', (e) => this.onKey(e));
    new ResizeObserver(() => this.resize()).observe(container);
  }

  setOutlines(outlines: CountryOutline[]): void {
    this.outlines = outlines;
    this.render();
  }

  /** Frames the draft's towns. The frame then stays put while towns move, so a drag does not slide the map. */
  fit(): void {
    this.bounds = boundsOf(this.towns().map((tp) => ({ lat: tp.lat, lon: tp.lon })));
    this.resize();
  }

  /** Map pixels of a position, for tests and for placing the pointer. */
  project(at: LatLon): { x: number; y: number } {
    return this.projection.project(at.lat, at.lon);
  }

  /** Zooms by `factor` (over 1: closer) about a map point, which stays where it is; about the middle by default. */
  zoom(factor: number, around?: { x: number; y: number }): void {
    const span = this.bounds.north - this.bounds.south;
    const f = Math.min(Math.max(factor, span / MAX_SPAN_DEG), span / MIN_SPAN_DEG);
    const at = around ? this.projection.invert(around.x, around.y) : this.centre();
    const b = this.bounds;
    this.bounds = {
      south: at.lat - (at.lat - b.south) / f,
      north: at.lat + (b.north - at.lat) / f,
      west: at.lon - (at.lon - b.west) / f,
      east: at.lon + (b.east - at.lon) / f,
    };
    this.resize();
  }

  /** The position at the middle of the map, where keyboard-added towns go. */
  centre(): LatLon {
    return this.projection.invert(this.projection.width / 2, this.projection.height / 2);
  }

  cancelRoad(): void {
    if (this.pendingRoad === null) return;
    this.pendingRoad = null;
    this.overlay.replaceChildren();
    this.render();
  }

  private resize(): void {
    const width = Math.max(200, this.container.clientWidth);
    const height = Math.max(160, this.container.clientHeight);
    // The tool's hint lies over the foot of the map: frame the level above it.
    const hint = this.container.querySelector<HTMLElement>('.ed-hint')?.offsetHeight ?? 0;
    this.projection = fitProjection(this.bounds, width, height, 24, hint);
    this.element.setAttribute('viewBox', `0 0 ${width} ${height}`);
    this.element.setAttribute('width', String(width));
    this.element.setAttribute('height', String(height));
    this.render();
  }

  private towns(): (TownPoint & LatLon)[] {
    return listOf(this.host.draft(), 'towns').flatMap((town, index) => {
      if (!isRecord(town) || typeof town.lat !== 'number' || typeof town.lon !== 'number') return [];
      const { x, y } = this.projection.project(town.lat, town.lon);
      const id = idOf(town);
      return [{ index, id, name: typeof town.name === 'string' ? town.name : (id ?? '?'), kind: String(town.kind ?? ''), x, y, lat: town.lat, lon: town.lon }];
    });
  }

  render(): void {
    const draft = this.host.draft();
    const selection = this.host.selection();
    const selected = (list: ListKey, index: number): boolean => selection.kind === 'item' && selection.list === list && selection.index === index;
    const towns = this.towns();
    const byId = new Map(towns.filter((tp) => tp.id !== undefined).map((tp) => [tp.id as string, tp]));
    const corridorIds = listOf(draft, 'corridors').map(idOf);
    const selectedTown = selection.kind === 'item' && selection.list === 'towns' ? towns.find((tp) => tp.index === selection.index) : undefined;

    const layers: SVGElement[] = [svg('rect', { class: 'm-sea', x: 0, y: 0, width: this.projection.width, height: this.projection.height })];

    for (const country of this.outlines) {
      const d = country.rings
        .map((ring) => ring.map(([lon, lat], i) => {
          const p = this.projection.project(lat, lon);
          return `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`;
        }).join('') + 'Z')
        .join('');
      layers.push(svg('path', { class: country.iso2 === 'ML' ? 'm-country m-mali' : 'm-country', d }));
    }
    for (const country of this.outlines) {
      if (!country.label) continue;
      const p = this.projection.project(country.label[1], country.label[0]);
      layers.push(svg('text', { class: 'm-country-label', x: p.x.toFixed(1), y: p.y.toFixed(1), 'text-anchor': 'middle' }, country.name.toUpperCase()));
    }

    const roads = svg('g', { class: 'm-roads' });
    const roadLabels = svg('g', { class: 'm-road-labels' });
    listOf(draft, 'roads').forEach((road, index) => {
      if (!isRecord(road)) return;
      const a = byId.get(String(road.from));
      const b = byId.get(String(road.to));
      if (!a || !b) return;
      const corridor = Math.max(0, corridorIds.indexOf(String(road.corridor)));
      const isSelected = selected('roads', index);
      const severity = this.host.severity('roads', index);
      const classes = ['m-road', `corridor-${corridor % CORRIDOR_COLOURS}`, road.terrain === 'laterite' ? 'laterite' : 'paved', isSelected ? 'selected' : '', severity ?? ''].join(' ');
      const line = { x1: a.x.toFixed(1), y1: a.y.toFixed(1), x2: b.x.toFixed(1), y2: b.y.toFixed(1) };
      const group = svg('g', { 'data-road': index }, svg('line', { ...line, class: 'm-road-hit' }), svg('line', { ...line, class: classes }));
      group.append(svg('title', {}, `${String(road.id ?? '')} · ${String(road.km ?? '?')} km`));
      roads.append(group);
      const touchesSelected = selectedTown !== undefined && (selectedTown.id === road.from || selectedTown.id === road.to);
      if (isSelected || touchesSelected) {
        roadLabels.append(svg('text', { class: 'm-road-km', x: ((a.x + b.x) / 2).toFixed(1), y: ((a.y + b.y) / 2 - 4).toFixed(1), 'text-anchor': 'middle' }, `${String(road.km ?? '?')} km`));
      }
    });
    layers.push(roads);

    const townLayer = svg('g', { class: 'm-towns' });
    for (const town of towns) {
      const isSelected = selected('towns', town.index) || (this.pendingRoad === town.index);
      const severity = this.host.severity('towns', town.index);
      const group = svg('g', {
        class: ['m-town', `kind-${town.kind}`, isSelected ? 'selected' : '', severity ?? ''].join(' '),
        'data-town': town.index,
        transform: `translate(${town.x.toFixed(1)},${town.y.toFixed(1)})`,
      });
      if (isSelected) group.append(svg('circle', { class: 'm-halo', r: 13 }));
      if (severity) group.append(svg('circle', { class: `m-problem ${severity}`, r: 10 }));
      group.append(townShape(town.kind), svg('text', { class: 'm-label', x: 9, y: 4 }, town.name), svg('title', {}, `${town.name} (${town.id ?? '?'}, ${town.kind})`));
      townLayer.append(group);
    }
    layers.push(townLayer);

    const entryLayer = svg('g', { class: 'm-entries' });
    const perTown = new Map<string, number>();
    listOf(draft, 'entryPoints').forEach((entry, index) => {
      if (!isRecord(entry)) return;
      const town = byId.get(String(entry.town));
      if (!town) return;
      const slot = perTown.get(town.id ?? '') ?? 0;
      perTown.set(town.id ?? '', slot + 1);
      const severity = this.host.severity('entryPoints', index);
      const x = town.x - 12 - slot * 12;
      const y = town.y - 12;
      const group = svg('g', {
        class: ['m-entry', selected('entryPoints', index) ? 'selected' : '', severity ?? ''].join(' '),
        'data-entry': index,
        transform: `translate(${x.toFixed(1)},${y.toFixed(1)})`,
      });
      group.append(
        svg('line', { class: 'm-entry-pole', x1: 0, y1: 0, x2: 12 + slot * 12, y2: 12 }),
        svg('path', { class: 'm-entry-flag', d: 'M-6,-7 L6,-7 L0,5 Z' }),
        svg('title', {}, t('editor.map.entryTitle', { id: String(entry.id ?? ''), n: typeof entry.tankersPerDay === 'number' ? entry.tankersPerDay : '?' })),
      );
      entryLayer.append(group);
    });
    // Lengths go over the town names, so that the selected road's length is never hidden.
    layers.push(entryLayer, roadLabels);
    this.content.replaceChildren(...layers);
  }

  /* ---------------------------------------------------------------- pointer */

  private point(e: MouseEvent): { x: number; y: number } {
    const box = this.element.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  }

  private targetOf(e: Event): { town?: number; entry?: number; road?: number } {
    const el = e.target instanceof Element ? e.target : null;
    const town = el?.closest('[data-town]')?.getAttribute('data-town');
    const entry = el?.closest('[data-entry]')?.getAttribute('data-entry');
    const road = el?.closest('[data-road]')?.getAttribute('data-road');
    return {
      ...(town != null && { town: Number(town) }),
      ...(entry != null && { entry: Number(entry) }),
      ...(road != null && { road: Number(road) }),
    };
  }

  /** The town within reach of a map point, the nearest first. */
  private townNear(p: { x: number; y: number }, except?: number): number | undefined {
    let best: { index: number; d: number } | undefined;
    for (const town of this.towns()) {
      if (town.index === except) continue;
      const d = Math.hypot(town.x - p.x, town.y - p.y);
      if (d <= HIT_RADIUS && (!best || d < best.d)) best = { index: town.index, d };
    }
    return best?.index;
  }

  private onPointerDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    this.container.focus({ preventScroll: true });
    const p = this.point(e);
    const hit = this.targetOf(e);
    const at = this.projection.invert(p.x, p.y);
    const town = hit.town ?? (hit.entry === undefined ? this.townNear(p) : undefined);
    switch (this.host.tool()) {
      case 'town':
        if (town !== undefined) this.host.select({ kind: 'item', list: 'towns', index: town });
        else this.host.addTown(at);
        return;
      case 'entry':
        if (hit.entry !== undefined) this.host.select({ kind: 'item', list: 'entryPoints', index: hit.entry });
        else this.host.addEntry(town ?? at);
        return;
      case 'road':
        if (town === undefined) {
          this.cancelRoad();
          this.host.status(t('editor.tool.road.hint'));
        } else if (this.pendingRoad === null || this.pendingRoad === town) {
          this.pendingRoad = town;
          this.render();
          this.host.status(t('editor.tool.road.second'));
        } else {
          const from = this.pendingRoad;
          this.pendingRoad = null;
          this.overlay.replaceChildren();
          this.host.addRoad(from, town);
        }
        return;
      case 'select':
        if (hit.entry !== undefined) {
          this.host.select({ kind: 'item', list: 'entryPoints', index: hit.entry });
          this.gesture = { kind: 'entry', index: hit.entry, startX: p.x, startY: p.y, moved: false };
        } else if (town !== undefined) {
          this.host.select({ kind: 'item', list: 'towns', index: town });
          this.gesture = { kind: 'town', index: town, startX: p.x, startY: p.y, moved: false };
        } else if (hit.road !== undefined) this.host.select({ kind: 'item', list: 'roads', index: hit.road });
        // On empty ground a drag pans the map and a click selects the level's own settings (on release).
        else this.gesture = { kind: 'pan', startX: p.x, startY: p.y, moved: false, bounds: this.bounds, projection: this.projection };
        if (this.gesture) this.element.setPointerCapture(e.pointerId);
        e.preventDefault();
        return;
    }
  }

  private onPointerMove(e: PointerEvent): void {
    const p = this.point(e);
    if (this.pendingRoad !== null) {
      const from = this.towns().find((tp) => tp.index === this.pendingRoad);
      if (from) this.overlay.replaceChildren(svg('line', { class: 'm-rubber', x1: from.x, y1: from.y, x2: p.x, y2: p.y }));
    }
    const g = this.gesture;
    if (!g) return;
    if (!g.moved && Math.hypot(p.x - g.startX, p.y - g.startY) < DRAG_SLOP) return;
    g.moved = true;
    if (g.kind === 'town') this.host.moveTown(g.index, this.projection.invert(p.x, p.y), false);
    else if (g.kind === 'pan') {
      const from = g.projection.invert(g.startX, g.startY);
      const to = g.projection.invert(p.x, p.y);
      const dLat = from.lat - to.lat;
      const dLon = from.lon - to.lon;
      this.bounds = { south: g.bounds.south + dLat, north: g.bounds.north + dLat, west: g.bounds.west + dLon, east: g.bounds.east + dLon };
      this.resize();
    } else {
      const target = this.townNear(p);
      const ring = target === undefined ? undefined : this.towns().find((tp) => tp.index === target);
      this.overlay.replaceChildren(
        svg('path', { class: 'm-entry-ghost', d: 'M-6,-7 L6,-7 L0,5 Z', transform: `translate(${p.x},${p.y})` }),
        ...(ring ? [svg('circle', { class: 'm-drop', cx: ring.x, cy: ring.y, r: 14 })] : []),
      );
    }
  }

  private onPointerUp(e: PointerEvent): void {
    const g = this.gesture;
    this.gesture = null;
    if (g?.kind === 'pan' && !g.moved) this.host.select({ kind: 'level' });
    if (!g?.moved || g.kind === 'pan') return;
    const p = this.point(e);
    if (g.kind === 'town') this.host.moveTown(g.index, this.projection.invert(p.x, p.y), true);
    else {
      this.overlay.replaceChildren();
      const town = this.townNear(p);
      if (town !== undefined) this.host.moveEntry(g.index, town);
      else this.host.status(t('editor.map.dropOnTown'));
    }
  }

  private cancelGesture(): void {
    this.gesture = null;
    this.overlay.replaceChildren();
  }

  /* ---------------------------------------------------------------- keyboard */

  private onKey(e: KeyboardEvent): void {
    if (e.target !== this.container) return;
    const step = e.shiftKey ? NUDGE_DEG * 10 : NUDGE_DEG;
    const moves: Record<string, [number, number]> = { ArrowUp: [step, 0], ArrowDown: [-step, 0], ArrowLeft: [0, -step], ArrowRight: [0, step] };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      this.host.nudge(move[0], move[1]);
    } else if (e.key === '+' || e.key === '=') {
      e.preventDefault();
      this.zoom(1.25);
    } else if (e.key === '-') {
      e.preventDefault();
      this.zoom(0.8);
    } else if (e.key === 'Escape') {
      this.cancelGesture();
      this.cancelRoad();
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      this.host.deleteSelection();
    }
  }
}

/** Each kind of town has its own shape, so nothing depends on colour alone. */
function townShape(kind: string): SVGElement {
  switch (kind) {
    case 'capital':
      return svg('rect', { class: 'm-shape', x: -7, y: -7, width: 14, height: 14 });
    case 'border':
      return svg('path', { class: 'm-shape', d: 'M0,-8 L8,0 L0,8 L-8,0 Z' });
    case 'city':
      return svg('circle', { class: 'm-shape', r: 6 });
    default:
      return svg('circle', { class: 'm-shape', r: 4.5 });
  }
}

/**
 * The map's pure parts, taken out of the scene: the camera, the road strokes, where corridor
 * names go, and what a tap picks.
 */
import { describe, expect, it } from 'vitest';
import { MapCamera } from '../../src/scenes/camera';
import { corridorLabelRoad, placeCorridorLabel } from '../../src/scenes/corridor-labels';
import { buildLayout, routePathOf } from '../../src/scenes/layout';
import { pickAt, type PickTargets } from '../../src/scenes/picking';
import { dashes, roadStrokes, routeAhead } from '../../src/scenes/road-strokes';
import { COLORS, riskStyles } from '../../src/scenes/style';
import { shippedContext } from '../helpers';
import type { ConvoyId, RoadId, TownId } from '../../src/sim/state';

const ctx = shippedContext('bamako-2025');
const layout = buildLayout(ctx);

describe('the camera', () => {
  const focus = { x: 100, y: 100, width: 400, height: 200 };
  const bounds = { x: -500, y: -500, width: 2000, height: 2000 };
  const visibleCentre = (camera: MapCamera) => {
    const v = camera.view;
    return { x: v.scrollX + v.width / 2, y: v.scrollY + v.height / 2 };
  };

  it('frames the towns in the part of the canvas the panels leave open', () => {
    const camera = new MapCamera(focus, bounds, 1);
    camera.resize(1000, 600, { top: 0, right: 400, bottom: 0, left: 0 });
    expect(camera.openArea()).toEqual({ x: 0, y: 0, width: 666.6666666666667, height: 600 });
    // The towns' centre sits at the centre of the open area, not of the canvas.
    const v = camera.view;
    const screenX = (300 - v.scrollX - v.width / 2) * v.zoom + v.width / 2;
    expect(screenX).toBeCloseTo(333.3, 0);
    expect(camera.isFitted).toBe(true);
  });

  it('never lets a panel take more than a third of an edge', () => {
    const camera = new MapCamera(focus, bounds, 1);
    camera.resize(900, 600, { top: 0, right: 800, bottom: 0, left: 0 });
    expect(camera.openArea().width).toBe(600);
  });

  it('keeps a view the player moved when the canvas changes size, at the same zoom relative to the fit', () => {
    const camera = new MapCamera(focus, bounds, 1);
    camera.resize(1000, 600);
    camera.zoomBy(2);
    camera.panBy(40, 0);
    expect(camera.isFitted).toBe(false);
    const relative = camera.view.zoom / camera.fitZoom;
    const centre = visibleCentre(camera);
    camera.resize(800, 500);
    expect(camera.view.zoom / camera.fitZoom).toBeCloseTo(relative, 6);
    expect(visibleCentre(camera).x).toBeCloseTo(centre.x, 6);
    camera.reset();
    expect(camera.isFitted).toBe(true);
    expect(camera.view.zoom).toBe(camera.fitZoom);
  });

  it('zooms about the pointer and stays within its limits and the geography', () => {
    const camera = new MapCamera(focus, bounds, 2);
    camera.resize(2000, 1200);
    const { min, max } = camera.zoomLimits;
    camera.zoomBy(1000, 100, 100);
    expect(camera.view.zoom).toBe(max);
    camera.zoomBy(1e-6);
    expect(camera.view.zoom).toBe(min);
    camera.reset();
    camera.panBy(-1e6, 0);
    // Scrolled as far as the geography goes, and no further.
    expect(camera.view.scrollX + camera.view.width / 2 - camera.view.width / 2 / camera.view.zoom).toBeCloseTo(bounds.x, 6);
  });

  it('pans by CSS pixels, whatever the pixel ratio', () => {
    for (const ratio of [1, 2]) {
      const camera = new MapCamera(focus, bounds, ratio);
      camera.resize(1000 * ratio, 600 * ratio);
      const before = camera.view.scrollX;
      camera.panBy(10, 0);
      expect((camera.view.scrollX - before) * camera.view.zoom).toBeCloseTo(10 * ratio, 6);
    }
  });
});

describe('road strokes', () => {
  const risk = riskStyles('default');

  it('draws every road once over a dark casing, in its risk colour, casings first', () => {
    const strokes = roadStrokes(ctx.level.roads, layout.roads, risk, 1);
    const casings = strokes.filter((s) => s.color === COLORS.casing);
    const colours = strokes.filter((s) => s.color !== COLORS.casing);
    expect(casings.reduce((n, s) => n + s.lines.length, 0)).toBe(ctx.level.roads.length);
    expect(strokes.indexOf(casings[casings.length - 1]!)).toBeLessThan(strokes.indexOf(colours[0]!));
    // Each casing is its level's road width plus a dark rim.
    expect(casings.map((c) => c.width).sort()).toEqual(colours.map((c) => c.width + 3).sort());
  });

  it('cuts a high-risk road into dashes of the same length on screen at any zoom', () => {
    const seg = { a: { x: 0, y: 0 }, angle: 0, length: 100 };
    const near = dashes(seg, [9, 5], 0.5);
    const far = dashes(seg, [9, 5], 2);
    expect(near.length).toBeGreaterThan(far.length);
    for (const [dash, k] of [[near[0]!, 0.5], [far[0]!, 2]] as const) expect((dash[1]!.x - dash[0]!.x) / k).toBeCloseTo(9, 6);
    // Centred: the gap before the first dash equals the gap after the last.
    const last = near[near.length - 1]!;
    expect(near[0]![0]!.x).toBeCloseTo(100 - last[1]!.x, 6);
  });

  it('puts a halo under a selected road and a fainter one under the rest of its corridor', () => {
    const road = ctx.level.roads[0]!;
    const strokes = roadStrokes(ctx.level.roads, layout.roads, risk, 1, { road: { id: road.id, corridor: road.corridor } });
    const halos = strokes.filter((s) => s.color === COLORS.selection);
    expect(halos.find((h) => h.alpha === 0.45)!.lines).toEqual([[layout.roads.get(road.id)!.a, layout.roads.get(road.id)!.b]]);
    const corridorRoads = ctx.level.roads.filter((r) => r.corridor === road.corridor && r.id !== road.id);
    expect(halos.filter((h) => h.alpha === 0.14)).toHaveLength(corridorRoads.length);
  });

  it('marks the road a selected unit patrols, and the route a selected convoy has still to drive', () => {
    const path = routePathOf(ctx, layout, { path: ['diboli', 'kayes', 'kita', 'kati', 'bamako'] as TownId[], route: ['diboli-kayes', 'kayes-kita', 'kita-kati', 'kati-bamako'] as RoadId[] });
    const ahead = routeAhead(path, path.km[1]! + 10, 1, false);
    expect(ahead).toHaveLength(4);
    expect(ahead.slice(1)).toEqual(path.points.slice(2));
    const back = routeAhead(path, path.km[1]! + 10, 1, true);
    expect(back.slice(1)).toEqual([path.points[1], path.points[0]]);
    const strokes = roadStrokes(ctx.level.roads, layout.roads, risk, 1, { patrolRoad: 'kita-kati', route: ahead });
    expect(strokes.find((s) => s.color === COLORS.unitLight)!.lines).toEqual([[layout.roads.get('kita-kati')!.a, layout.roads.get('kita-kati')!.b]]);
    expect(strokes.find((s) => s.color === COLORS.selection)!.lines).toEqual([ahead]);
  });
});

describe('corridor names', () => {
  it('run along the longest road of the corridor on the shortest route from its entry points', () => {
    for (const corridor of ctx.level.corridors) {
      const id = corridorLabelRoad(ctx, corridor.id);
      expect(id, corridor.id).toBeDefined();
      const road = ctx.roads.get(id!)!;
      expect(road.corridor).toBe(corridor.id);
      const onRoutes = [...ctx.entries.values()].filter((e) => e.corridor === corridor.id).flatMap((e) => ctx.routes.get(e.id)?.[0] ?? []);
      for (const other of onRoutes.map((r) => ctx.roads.get(r)!).filter((r) => r.corridor === corridor.id)) expect(road.km).toBeGreaterThanOrEqual(other.km);
    }
  });

  it('go below the middle of the road when nothing is in the way, turned to read left to right', () => {
    const spot = placeCorridorLabel({ x: 300, y: 100 }, { x: 100, y: 100 }, 80, 14, [])!;
    expect(spot.angle).toBeCloseTo(0, 6);
    expect(spot.center).toEqual({ x: 200, y: 112 });
    expect(spot.box).toEqual({ x: 160, y: 105, width: 80, height: 14 });
  });

  it('move along or across the road to keep off a town, and give up when the road is too short', () => {
    const a = { x: 100, y: 100 };
    const b = { x: 400, y: 100 };
    const moved = placeCorridorLabel(a, b, 80, 14, [{ at: { x: 250, y: 112 }, radius: 6 }])!;
    expect(moved.center.x).not.toBe(250);
    const crowded = [0.2, 0.35, 0.5, 0.65, 0.8].flatMap((t) => [{ at: { x: 100 + 300 * t, y: 112 }, radius: 30 }, { at: { x: 100 + 300 * t, y: 88 }, radius: 30 }]);
    expect(placeCorridorLabel(a, b, 80, 14, crowded)).toBeNull();
    expect(placeCorridorLabel(a, { x: 230, y: 100 }, 80, 14, [])).toBeNull();
  });
});

describe('picking', () => {
  const none: PickTargets = { pillsUnder: [], convoyNear: null, patrols: [], towns: [], reports: [], roads: [], current: null };
  const town = { id: 'kita', entry: null, at: { x: 100, y: 100 }, label: { x: 110, y: 92, width: 40, height: 16 } };
  const road = { id: 'kita-kati', a: { x: 100, y: 100 }, b: { x: 300, y: 100 } };

  it('takes a convoy first, and the next one at each click on a pill standing for several', () => {
    const targets = { ...none, pillsUnder: [3, 5] as number[], towns: [town] };
    expect(pickAt(town.at, targets)).toEqual({ kind: 'convoy', id: 3 });
    expect(pickAt(town.at, { ...targets, current: { kind: 'convoy', id: 3 as ConvoyId } })).toEqual({ kind: 'convoy', id: 5 });
    expect(pickAt(town.at, { ...targets, current: { kind: 'convoy', id: 5 as ConvoyId } })).toEqual({ kind: 'convoy', id: 3 });
  });

  it('then a unit on patrol, then a town by its marker or its name', () => {
    const targets = { ...none, patrols: [{ unit: 'u1', at: { x: 105, y: 100 } }], towns: [town], roads: [road] };
    expect(pickAt({ x: 104, y: 101 }, targets)).toEqual({ kind: 'unit', id: 'u1' });
    expect(pickAt({ x: 140, y: 100 }, { ...targets, patrols: [] })).toEqual({ kind: 'town', id: 'kita' });
    expect(pickAt({ x: 100, y: 100 }, { ...targets, patrols: [], towns: [{ ...town, entry: 'kita-crossing' }] })).toEqual({ kind: 'entry', id: 'kita-crossing' });
  });

  it('turns a report into the road or town it is about, and a road is picked last, within reach', () => {
    const reports = [{ road: 'kita-kati', at: { x: 200, y: 80 } }];
    expect(pickAt({ x: 200, y: 82 }, { ...none, reports })).toEqual({ kind: 'road', id: 'kita-kati' });
    expect(pickAt({ x: 200, y: 82 }, { ...none, reports: [{ town: 'kati', at: { x: 200, y: 80 } }] })).toEqual({ kind: 'town', id: 'kati' });
    expect(pickAt({ x: 200, y: 105 }, { ...none, roads: [road] })).toEqual({ kind: 'road', id: 'kita-kati' });
    expect(pickAt({ x: 200, y: 130 }, { ...none, roads: [road] })).toBeNull();
  });

  it('works on the shipped level: every town marker picks its town', () => {
    const towns = [...layout.towns].map(([id, at]) => ({ id, entry: [...ctx.entries.values()].find((e) => e.town === id)?.id ?? null, at, label: null }));
    for (const t of towns) expect(pickAt(t.at, { ...none, towns }, 0.5), t.id).toEqual(t.entry ? { kind: 'entry', id: t.entry } : { kind: 'town', id: t.id });
  });
});

import { geoMercator } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import {
  centerOn,
  clampView,
  createProjection,
  fitZoom,
  projectBox,
  screenToWorld,
  viewCenter,
  worldToScreen,
  zoomAt,
  WORLD_SIZE,
  type View,
} from '../../src/scenes/projection';
import { shippedContext } from '../helpers';

const ctx = shippedContext('bamako-2025');
const projection = createProjection(ctx.level.towns);
const at = (id: string) => {
  const town = ctx.towns.get(id)!;
  return projection.project(town.lon, town.lat);
};

describe('the map projection', () => {
  it('puts the towns where they are: Kayes west and north of Bamako, Sikasso south-east, Nioro north', () => {
    const bamako = at('bamako');
    expect(at('kayes').x).toBeLessThan(bamako.x);
    expect(at('kayes').y).toBeLessThan(bamako.y);
    expect(at('sikasso').x).toBeGreaterThan(bamako.x);
    expect(at('sikasso').y).toBeGreaterThan(bamako.y);
    expect(at('nioro').y).toBeLessThan(at('kayes').y);
    expect(at('segou').x).toBeGreaterThan(bamako.x);
    expect(at('diboli').x).toBeLessThan(at('kayes').x);
    expect(at('zegoua').y).toBeGreaterThan(at('sikasso').y);
  });

  it('keeps distances in proportion: Kati is close to Bamako, Kayes far', () => {
    const bamako = at('bamako');
    const d = (id: string) => Math.hypot(at(id).x - bamako.x, at(id).y - bamako.y);
    expect(d('kati')).toBeLessThan(d('sanankoroba'));
    expect(d('sanankoroba')).toBeLessThan(d('kayes') / 10);
    // Ségou (about 235 km by road, ~200 km as the crow flies) is nearer than Kayes (~400 km).
    expect(d('segou')).toBeLessThan(d('kayes'));
  });

  it('agrees with d3-geo\'s Mercator fitted to the same towns', () => {
    const reference = geoMercator().fitSize([WORLD_SIZE, WORLD_SIZE], {
      type: 'MultiPoint',
      coordinates: ctx.level.towns.map((t) => [t.lon, t.lat]),
    });
    for (const [lon, lat] of [
      [-8.003, 12.639],
      [-11.433, 14.45],
      [-18.5, 4],
      [2, 21],
    ] as const) {
      const [x, y] = reference([lon, lat])!;
      const p = projection.project(lon, lat);
      expect(p.x).toBeCloseTo(x, 6);
      expect(p.y).toBeCloseTo(y, 6);
    }
  });

  it('fits every town in the world square', () => {
    for (const town of ctx.level.towns) {
      const p = at(town.id);
      expect(p.x).toBeGreaterThanOrEqual(-1e-6);
      expect(p.y).toBeGreaterThanOrEqual(-1e-6);
      expect(p.x).toBeLessThanOrEqual(WORLD_SIZE + 1e-6);
      expect(p.y).toBeLessThanOrEqual(WORLD_SIZE + 1e-6);
    }
    const { width, height } = projection.placesBounds;
    expect(Math.max(width, height)).toBeCloseTo(WORLD_SIZE, 0);
  });

  it('projects a degree box with north at the top', () => {
    const box = projectBox(projection, [-18.5, 4, 2, 21]);
    const bamako = at('bamako');
    expect(box.x).toBeLessThan(bamako.x);
    expect(box.y).toBeLessThan(bamako.y);
    expect(box.x + box.width).toBeGreaterThan(bamako.x);
    expect(box.y + box.height).toBeGreaterThan(bamako.y);
  });
});

describe('the camera arithmetic', () => {
  const view: View = { width: 1280, height: 720, zoom: 1.5, scrollX: 40, scrollY: -20 };

  it('converts between screen and world both ways', () => {
    const world = screenToWorld(view, 100, 600);
    const back = worldToScreen(view, world.x, world.y);
    expect(back.x).toBeCloseTo(100);
    expect(back.y).toBeCloseTo(600);
  });

  it('zooms about the pointer: the world point under it stays put', () => {
    const before = screenToWorld(view, 300, 200);
    const zoomed = zoomAt(view, 3, 300, 200);
    const after = screenToWorld(zoomed, 300, 200);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
    expect(zoomed.zoom).toBe(3);
  });

  it('centres on a world point', () => {
    const centred = centerOn(view, 500, 400);
    expect(viewCenter(centred)).toEqual({ x: 500, y: 400 });
    expect(worldToScreen(centred, 500, 400)).toEqual({ x: 640, y: 360 });
  });

  it('fits a rectangle with margins', () => {
    const zoom = fitZoom(1280, 720, { x: 0, y: 0, width: 1000, height: 700 }, 90, 56);
    expect(zoom).toBeCloseTo(Math.min(1100 / 1000, 608 / 700));
  });

  it('keeps the zoom within limits and the view inside the bounds', () => {
    const bounds = { x: 0, y: 0, width: 2000, height: 1500 };
    const limits = { min: 0.7, max: 5 };
    expect(clampView({ ...view, zoom: 50 }, bounds, limits).zoom).toBe(5);
    expect(clampView({ ...view, zoom: 0.01 }, bounds, limits).zoom).toBe(0.7);
    const far = clampView(centerOn({ ...view, zoom: 1 }, -5000, 9000), bounds, limits);
    const topLeft = screenToWorld(far, 0, 0);
    const bottomRight = screenToWorld(far, far.width, far.height);
    expect(topLeft.x).toBeGreaterThanOrEqual(-1e-9);
    expect(bottomRight.y).toBeLessThanOrEqual(1500 + 1e-9);
  });

  it('centres the bounds along an axis where the view is larger than them', () => {
    const bounds = { x: 100, y: 100, width: 400, height: 5000 };
    const clamped = clampView(centerOn({ ...view, zoom: 1 }, 0, 800), bounds, { min: 0.1, max: 10 });
    expect(viewCenter(clamped).x).toBeCloseTo(300);
  });
});

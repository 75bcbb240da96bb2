/**
 * Where the level's things sit in world coordinates: towns, road segments, where a convoy is
 * along its route. Computed once per level from the projection; pure, so it is tested under Node.
 */
import type { Immutable } from 'immer';
import type { LevelContext } from '../sim/context';
import type { Convoy } from '../sim/state';
import { createProjection, type MapProjection, type Point, type Rect } from './projection';

export interface RoadSegment {
  id: string;
  from: string;
  to: string;
  a: Point;
  b: Point;
  mid: Point;
  /** Direction from `a` to `b`, radians (screen convention: y down). */
  angle: number;
  length: number;
}

export interface MapLayout {
  projection: MapProjection;
  towns: Map<string, Point>;
  roads: Map<string, RoadSegment>;
  /** The towns' bounding box: what the default view frames. */
  focus: Rect;
}

export function buildLayout(ctx: LevelContext): MapLayout {
  const projection = createProjection(ctx.level.towns);
  const towns = new Map<string, Point>();
  for (const town of ctx.level.towns) towns.set(town.id, projection.project(town.lon, town.lat));
  const roads = new Map<string, RoadSegment>();
  for (const road of ctx.level.roads) {
    const a = towns.get(road.from);
    const b = towns.get(road.to);
    if (!a || !b) continue;
    roads.set(road.id, segment(road.id, road.from, road.to, a, b));
  }
  return { projection, towns, roads, focus: projection.placesBounds };
}

function segment(id: string, from: string, to: string, a: Point, b: Point): RoadSegment {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  return { id, from, to, a, b, mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, angle: Math.atan2(dy, dx), length: Math.hypot(dx, dy) };
}

export const lerp = (a: number, b: number, t: number): number => a + (b - a) * t;

/** Distance from p to the segment a–b. */
export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSq = dx * dx + dy * dy;
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSq));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

// --- convoys along their routes ----------------------------------------------------------------

/**
 * A convoy's route as a polyline in world units, with its legs' lengths in km. Movement is
 * interpolated in route kilometres, so a convoy that turns at a town follows the roads instead
 * of cutting the corner.
 */
export interface RoutePath {
  points: Point[];
  /** Kilometres from the start of the route to each point. */
  km: number[];
}

export function routePathOf(ctx: LevelContext, layout: MapLayout, convoy: Pick<Immutable<Convoy>, 'path' | 'route'>): RoutePath {
  const points: Point[] = [];
  const km: number[] = [];
  let total = 0;
  for (let i = 0; i < convoy.path.length; i++) {
    const town = layout.towns.get(convoy.path[i] ?? '');
    if (!town) break;
    points.push(town);
    km.push(total);
    total += ctx.roads.get(convoy.route[i] ?? '')?.km ?? 0;
  }
  return { points, km };
}

/** How far along its route (km from the entry point) a convoy is. */
export function routeKmOf(ctx: LevelContext, convoy: Pick<Immutable<Convoy>, 'route' | 'leg' | 'km' | 'status'>): number {
  let before = 0;
  const leg = Math.max(0, Math.min(convoy.leg, convoy.route.length - 1));
  for (let i = 0; i < leg; i++) before += ctx.roads.get(convoy.route[i] ?? '')?.km ?? 0;
  const length = ctx.roads.get(convoy.route[leg] ?? '')?.km ?? 0;
  if (convoy.status === 'arrived') return before + length;
  // A convoy turning back counts its km from the far end of the leg, driving towards the start.
  const along = convoy.status === 'returning' ? length - convoy.km : convoy.km;
  return before + Math.max(0, Math.min(length, along));
}

export function routeLengthKm(path: RoutePath): number {
  return path.km[path.km.length - 1] ?? 0;
}

/** The point `routeKm` kilometres along a route, and the direction of the road there. */
export function pointAlong(path: RoutePath, routeKm: number): { point: Point; angle: number } {
  const { points, km } = path;
  if (points.length === 0) return { point: { x: 0, y: 0 }, angle: 0 };
  if (points.length === 1) return { point: points[0]!, angle: 0 };
  let i = 1;
  while (i < points.length - 1 && km[i]! < routeKm) i++;
  const a = points[i - 1]!;
  const b = points[i]!;
  const span = km[i]! - km[i - 1]!;
  const t = span <= 0 ? 0 : Math.max(0, Math.min(1, (routeKm - km[i - 1]!) / span));
  return { point: { x: lerp(a.x, b.x, t), y: lerp(a.y, b.y, t) }, angle: Math.atan2(b.y - a.y, b.x - a.x) };
}

/**
 * The side of a road that is "up" on screen (or right, for a north–south road), as a unit
 * vector: convoy pills ride on that side, reports and corridor names on the other.
 */
export function upNormal(angle: number): Point {
  let nx = Math.sin(angle);
  let ny = -Math.cos(angle);
  if (ny > 0.2 || (Math.abs(ny) <= 0.2 && nx < 0)) {
    nx = -nx;
    ny = -ny;
  }
  return { x: nx === 0 ? 0 : nx, y: ny === 0 ? 0 : ny };
}

/**
 * Where a corridor's name goes: along one of its roads, on whichever side and at whichever
 * point along it keeps it off the towns and the markers beside the road, or nowhere when the
 * road is too short on screen. Pure, in CSS pixels; the scene turns the answer into a
 * rotated label.
 */
import type { LevelContext } from '../sim/context';
import type { Box } from './labels';
import { distanceToSegment } from './layout';
import type { Point } from './projection';

/** The road a corridor's name runs along: its longest road on the shortest route from one of its entry points. */
export function corridorLabelRoad(ctx: Pick<LevelContext, 'entries' | 'routes' | 'roads'>, corridor: string): string | undefined {
  let best: { id: string; km: number } | undefined;
  for (const entry of ctx.entries.values()) {
    if (entry.corridor !== corridor) continue;
    for (const id of ctx.routes.get(entry.id)?.[0] ?? []) {
      const road = ctx.roads.get(id);
      if (road && road.corridor === corridor && (!best || road.km > best.km)) best = { id, km: road.km };
    }
  }
  return best?.id;
}

/** Something the name keeps clear of: a town or a marker, its centre and radius. */
export interface Obstacle {
  at: Point;
  radius: number;
}

export interface CorridorLabelSpot {
  /** The label's centre. */
  center: Point;
  /** Its turn, radians, within ±90° so that it never reads upside down. */
  angle: number;
  /** The corner its text starts from (top left of the unturned label). */
  corner: Point;
  /** The box the turned label covers, for the town labels to keep clear of. */
  box: Box;
}

/** Room the road must have beyond the label's length, CSS px: a name squeezed between two towns reads as theirs. */
const ROAD_MARGIN = 60;
/** Gap between the road and the label. */
const GAP = 5;
/** Where along the road to try, middle first. */
const ALONG = [0.5, 0.38, 0.62, 0.28, 0.72] as const;

/**
 * A spot for a label of `length` × `height` along the road from `a` to `b` (screen points),
 * clear of `obstacles` by 4 px, or null. Below the road first: convoy pills ride above it.
 */
export function placeCorridorLabel(a: Point, b: Point, length: number, height: number, obstacles: readonly Obstacle[]): CorridorLabelSpot | null {
  if (Math.hypot(b.x - a.x, b.y - a.y) <= length + ROAD_MARGIN) return null;
  let angle = Math.atan2(b.y - a.y, b.x - a.x);
  if (angle > Math.PI / 2) angle -= Math.PI;
  if (angle < -Math.PI / 2) angle += Math.PI;
  const dir = { x: Math.cos(angle), y: Math.sin(angle) };
  // Local +y of the turned label points this way on screen.
  const n = { x: -Math.sin(angle), y: Math.cos(angle) };
  for (const side of [1, -1]) {
    for (const t of ALONG) {
      const offset = side * (height / 2 + GAP);
      const center = { x: a.x + (b.x - a.x) * t + n.x * offset, y: a.y + (b.y - a.y) * t + n.y * offset };
      const from = { x: center.x - (dir.x * length) / 2, y: center.y - (dir.y * length) / 2 };
      const to = { x: center.x + (dir.x * length) / 2, y: center.y + (dir.y * length) / 2 };
      if (!obstacles.every((o) => distanceToSegment(o.at, from, to) > height / 2 + o.radius + 4)) continue;
      const halfW = (Math.abs(dir.x) * length + Math.abs(n.x) * height) / 2;
      const halfH = (Math.abs(dir.y) * length + Math.abs(n.y) * height) / 2;
      return {
        center,
        angle,
        corner: { x: center.x - (n.x * height) / 2, y: center.y - (n.y * height) / 2 },
        box: { x: center.x - halfW, y: center.y - halfH, width: 2 * halfW, height: 2 * halfH },
      };
    }
  }
  return null;
}

/**
 * What a tap or a click on the map means: the thing under the pointer, in an order that
 * favours what moves and what is small. Convoys first (a pill standing for several convoys
 * gives the next one at each click), then units on patrol, towns (their marker or their
 * name), intelligence reports (they select the road or town they are about) and, last,
 * roads. Pure, in CSS pixels: the scene gathers where things are drawn.
 */
import type { MapSelection } from '../app/selection';
import type { Box } from './labels';
import { distanceToSegment } from './layout';
import type { Point } from './projection';
import { SIZES } from './style';

export interface PickTargets {
  /** Convoys whose pill is under the pointer, front first. */
  pillsUnder: readonly number[];
  /** The convoy whose dot on the road is nearest within reach, if any. */
  convoyNear: number | null;
  patrols: Iterable<{ unit: string; at: Point }>;
  /** Towns where their marker is, with their name's box if it is shown; `entry` for a border crossing. */
  towns: Iterable<{ id: string; entry: string | null; at: Point; label: Box | null }>;
  reports: Iterable<{ road?: string; town?: string; at: Point }>;
  roads: Iterable<{ id: string; a: Point; b: Point }>;
  /** What is selected now. */
  current: MapSelection | null;
}

/** The nearest of `items` to `p` closer than `limit`. */
function nearest<T extends { at: Point }>(p: Point, items: Iterable<T>, limit: number): T | null {
  let best: T | null = null;
  let bestDistance = limit;
  for (const item of items) {
    const d = Math.hypot(item.at.x - p.x, item.at.y - p.y);
    if (d < bestDistance) {
      best = item;
      bestDistance = d;
    }
  }
  return best;
}

const inBox = (p: Point, box: Box): boolean => p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height;

/** What is under `p`; `reach`: how far from a thing a tap still picks it (touch targets ≥ 24 px). */
export function pickAt(p: Point, targets: PickTargets, reach: number = SIZES.hitRadius): MapSelection | null {
  const { pillsUnder, current } = targets;
  if (pillsUnder.length > 0) {
    const at = current?.kind === 'convoy' ? pillsUnder.indexOf(current.id) : -1;
    return { kind: 'convoy', id: pillsUnder[(at + 1) % pillsUnder.length]! };
  }
  if (targets.convoyNear !== null) return { kind: 'convoy', id: targets.convoyNear };

  const patrol = nearest(p, targets.patrols, reach);
  if (patrol) return { kind: 'unit', id: patrol.unit };

  const towns = [...targets.towns];
  const town = nearest(p, towns, reach) ?? towns.find((t) => t.label !== null && inBox(p, t.label));
  if (town) return town.entry ? { kind: 'entry', id: town.entry } : { kind: 'town', id: town.id };

  const report = nearest(p, targets.reports, reach);
  if (report?.road) return { kind: 'road', id: report.road };
  if (report?.town) return { kind: 'town', id: report.town };

  let road: string | null = null;
  let roadDistance = reach * 0.8;
  for (const seg of targets.roads) {
    const d = distanceToSegment(p, seg.a, seg.b);
    if (d < roadDistance) {
      road = seg.id;
      roadDistance = d;
    }
  }
  return road ? { kind: 'road', id: road } : null;
}

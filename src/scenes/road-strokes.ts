/**
 * The roads as the backdrop strokes them: each road in its risk's colour and width (dashed
 * when the risk is high) over a dark casing, and under them the highlights of what is
 * selected (a road and, fainter, its corridor; a patrol's road; the route a selected convoy
 * has still to drive). Pure: the scene passes what is selected and the zoom, and hands the
 * strokes to the backdrop.
 */
import type { Stroke } from './backdrop';
import { pointAlong, type RoadSegment, type RoutePath } from './layout';
import { riskLevel, type RiskLevel } from './model';
import type { Point } from './projection';
import { COLORS, type RiskStyle } from './style';

export interface RoadHighlights {
  /** The selected road, and the corridor it belongs to. */
  road?: { id: string; corridor: string };
  /** The road a selected unit patrols. */
  patrolRoad?: string;
  /** A selected convoy's route (or the route of the convoy a selected unit escorts), from where it is on. */
  route?: readonly Point[];
}

/** What the strokes need to know about a road. */
export interface StrokedRoad {
  id: string;
  corridor: string;
  /** Known risk, 0–100. */
  risk: number;
}

const LEVELS: readonly RiskLevel[] = ['low', 'medium', 'high'];

/**
 * Strokes for `roads` (in level order; those without a segment are skipped), bottom first.
 * `k`: world units per CSS pixel at the current zoom (dashes keep their length on screen).
 */
export function roadStrokes(
  roads: readonly StrokedRoad[],
  segments: ReadonlyMap<string, RoadSegment>,
  risk: Readonly<Record<RiskLevel, RiskStyle>>,
  k: number,
  highlights: RoadHighlights = {},
): Stroke[] {
  const halos: Stroke[] = [];
  /** Per risk level: whole roads (for the dark casing under them) and the lines drawn in the level's colour. */
  const byLevel: Record<RiskLevel, { casings: Point[][]; lines: Point[][] }> = { low: { casings: [], lines: [] }, medium: { casings: [], lines: [] }, high: { casings: [], lines: [] } };
  const selected = highlights.road;
  for (const road of roads) {
    const seg = segments.get(road.id);
    if (!seg) continue;
    const level = riskLevel(road.risk);
    const style = risk[level];
    const whole = [seg.a, seg.b];
    if (selected && road.id === selected.id) halos.push({ lines: [whole], width: style.width + 12, color: COLORS.selection, alpha: 0.45 });
    else if (selected && road.corridor === selected.corridor) halos.push({ lines: [whole], width: style.width + 8, color: COLORS.selection, alpha: 0.14 });
    if (highlights.patrolRoad === road.id) halos.push({ lines: [whole], width: style.width + 12, color: COLORS.unitLight, alpha: 0.4 });
    byLevel[level].casings.push(whole);
    byLevel[level].lines.push(...(style.dash ? dashes(seg, style.dash, k) : [whole]));
  }
  if (highlights.route && highlights.route.length > 1) halos.push({ lines: [[...highlights.route]], width: 14, color: COLORS.selection, alpha: 0.4 });
  // Every casing (the road's width plus a dark rim) first, then every road's colour on top,
  // so that roads meet cleanly at towns.
  return [
    ...halos,
    ...LEVELS.map((level) => ({ lines: byLevel[level].casings, width: risk[level].width + 3, color: COLORS.casing, alpha: 0.95 })),
    ...LEVELS.map((level) => ({ lines: byLevel[level].lines, width: risk[level].width, color: risk[level].color, alpha: 1 })),
  ].filter((stroke) => stroke.lines.length > 0);
}

/** A road's dashes, `[on, off]` CSS pixels, laid out from its middle so that both ends look alike. */
export function dashes(seg: Pick<RoadSegment, 'a' | 'angle' | 'length'>, [on, off]: readonly [number, number], k: number): Point[][] {
  const period = (on + off) * k;
  const dx = Math.cos(seg.angle);
  const dy = Math.sin(seg.angle);
  const count = Math.max(1, Math.floor(seg.length / period));
  const start = (seg.length - count * period + off * k) / 2;
  const out: Point[][] = [];
  for (let i = 0; i < count; i++) {
    const s0 = start + i * period;
    const s1 = s0 + on * k;
    out.push([
      { x: seg.a.x + dx * s0, y: seg.a.y + dy * s0 },
      { x: seg.a.x + dx * s1, y: seg.a.y + dy * s1 },
    ]);
  }
  return out;
}

/**
 * The rest of a convoy's route: from where it is (`routeKm` along `path`) to the depot, or
 * back to its entry point when it is turning back. `leg` is the road it is on.
 */
export function routeAhead(path: RoutePath, routeKm: number, leg: number, returning: boolean): Point[] {
  const ahead = returning ? path.points.slice(0, leg + 1).reverse() : path.points.slice(leg + 1);
  return [pointAlong(path, routeKm).point, ...ahead];
}

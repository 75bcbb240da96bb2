/**
 * Town labels that do not overlap: a greedy placement in screen space, most important first
 * (the capital, then entry points, cities, rural towns). Each label tries eight positions
 * around its marker and is hidden if none is free; zooming in makes room, so it reappears.
 * Markers are obstacles too, so a label never covers another town.
 */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelRequest {
  id: string;
  /** The marker's centre in screen pixels. */
  x: number;
  y: number;
  /** Half the marker's size: the label keeps this far from the centre. */
  radius: number;
  width: number;
  height: number;
  /** Lower places first. */
  priority: number;
  /** Always shown (the selected item), even if it must overlap. */
  force?: boolean;
  /** Positions to try, best first (default: all eight around the marker). */
  anchors?: readonly Anchor[];
  /** May run off the viewport's edge (e.g. a country's name): otherwise a label stays inside. */
  mayLeaveViewport?: boolean;
}

export type Anchor = 'right' | 'left' | 'above' | 'below' | 'above-right' | 'below-right' | 'above-left' | 'below-left' | 'center';
const ANCHORS: readonly Anchor[] = ['right', 'left', 'above', 'below', 'above-right', 'below-right', 'above-left', 'below-left'];

export interface Placement {
  id: string;
  visible: boolean;
  /** Top-left corner of the label, in screen pixels. */
  x: number;
  y: number;
  anchor: Anchor;
}

const GAP = 3;

export function candidateBox(r: LabelRequest, anchor: Anchor): Box {
  const d = r.radius + GAP;
  const { width: w, height: h } = r;
  switch (anchor) {
    case 'right':
      return { x: r.x + d, y: r.y - h / 2, width: w, height: h };
    case 'left':
      return { x: r.x - d - w, y: r.y - h / 2, width: w, height: h };
    case 'above':
      return { x: r.x - w / 2, y: r.y - d - h, width: w, height: h };
    case 'below':
      return { x: r.x - w / 2, y: r.y + d, width: w, height: h };
    case 'above-right':
      return { x: r.x + d * 0.7, y: r.y - d * 0.7 - h, width: w, height: h };
    case 'below-right':
      return { x: r.x + d * 0.7, y: r.y + d * 0.7, width: w, height: h };
    case 'above-left':
      return { x: r.x - d * 0.7 - w, y: r.y - d * 0.7 - h, width: w, height: h };
    case 'below-left':
      return { x: r.x - d * 0.7 - w, y: r.y + d * 0.7, width: w, height: h };
    case 'center':
      return { x: r.x - w / 2, y: r.y - h / 2, width: w, height: h };
  }
}

export const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Place labels inside `viewport` (screen pixels) avoiding each other and `obstacles`
 * (markers). `soft` obstacles (reports, units, convoys: things that come and go) are avoided
 * when possible, but a town keeps its name rather than give way to them: where every position
 * touches one, the name goes where it covers the least of them. Requests keep their order in
 * the result.
 */
export function placeLabels(requests: readonly LabelRequest[], obstacles: readonly Box[], viewport: Box, soft: readonly Box[] = []): Placement[] {
  const order = requests.map((r, i) => ({ r, i })).sort((a, b) => Number(b.r.force ?? false) - Number(a.r.force ?? false) || a.r.priority - b.r.priority || a.i - b.i);
  const taken: Box[] = [];
  const result: Placement[] = new Array<Placement>(requests.length);
  for (const { r, i } of order) {
    const own = { x: r.x - r.radius, y: r.y - r.radius, width: 2 * r.radius, height: 2 * r.radius };
    let chosen: { box: Box; anchor: Anchor } | undefined;
    let covered = Infinity;
    for (const anchor of r.anchors ?? ANCHORS) {
      const box = candidateBox(r, anchor);
      if (!r.mayLeaveViewport && !inside(box, viewport)) continue;
      if (taken.some((t) => overlaps(t, box))) continue;
      if (obstacles.some((o) => !sameBox(o, own) && overlaps(o, box))) continue;
      const area = soft.reduce((sum, o) => sum + overlapArea(o, box), 0);
      // Country names are themselves the least important: they never push past soft obstacles.
      if (area > 0 && r.mayLeaveViewport) continue;
      if (area < covered) {
        chosen = { box, anchor };
        covered = area;
      }
      if (area === 0) break;
    }
    if (!chosen && r.force) {
      const anchor = r.anchors?.[0] ?? 'right';
      chosen = { box: candidateBox(r, anchor), anchor };
    }
    if (chosen) {
      taken.push(chosen.box);
      result[i] = { id: r.id, visible: true, x: chosen.box.x, y: chosen.box.y, anchor: chosen.anchor };
    } else {
      result[i] = { id: r.id, visible: false, x: r.x, y: r.y, anchor: 'right' };
    }
  }
  return result;
}

const overlapArea = (a: Box, b: Box): number =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

const inside = (box: Box, viewport: Box): boolean =>
  box.x >= viewport.x && box.y >= viewport.y && box.x + box.width <= viewport.x + viewport.width && box.y + box.height <= viewport.y + viewport.height;

const sameBox = (a: Box, b: Box): boolean => Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.width - b.width) < 0.5;

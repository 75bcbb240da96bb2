/**
 * Builds assets/map/west-africa.json, the geography behind the game map: Mali and its
 * neighbours from Natural Earth's public-domain 1:50m countries (the world-atlas package),
 * simplified and clipped to the part of West Africa the levels are set in.
 *
 *   npx tsx scripts/build-map.ts
 *
 * The output is a GeoJSON FeatureCollection in longitude/latitude (WGS 84), small enough to
 * fetch at startup (< 60 KB):
 * - one `country` feature per country (Polygon/MultiPolygon, clipped to BOX) with its ISO
 *   codes, English name and a hand-placed label anchor inside the area the game shows;
 * - `border`, `mali-border` and `coast` MultiLineStrings, taken from the shared topology so
 *   that each border is drawn once, and without the artificial edges the clipping makes.
 *
 * Simplification happens on the topology's arcs, before they are joined into rings, so that
 * neighbours keep exactly the same border. topojson-simplify would do this too, but it is not
 * a dependency and a Douglas–Peucker pass over ~300 arcs is a few lines.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, GeometryObject, MultiPolygon, Polygon, Topology } from 'topojson-specification';

type Position = [number, number];
type Ring = Position[];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(root, 'assets/map/west-africa.json');

/** [west, south, east, north] in degrees: the game area (lat 9–17.5, lon −13.5 to −3.5) with room to zoom out. */
const BOX: readonly [number, number, number, number] = [-18.5, 4, 2, 21];
/** Douglas–Peucker tolerance in degrees (~2 km): under a pixel at the default zoom. */
const TOLERANCE = 0.02;
/** Coordinates keep two decimals (~1 km). */
const DECIMALS = 2;
/** Islands and slivers smaller than this (square degrees) are dropped. */
const MIN_RING_AREA = 0.01;

/** Natural Earth numeric ids → ISO 3166 alpha-2, and where each country's label goes (lon, lat). */
const COUNTRIES: Record<string, { iso2: string; label: Position }> = {
  '466': { iso2: 'ML', label: [-7.0, 14.8] },
  '686': { iso2: 'SN', label: [-12.8, 13.5] },
  '478': { iso2: 'MR', label: [-10.3, 16.0] },
  '012': { iso2: 'DZ', label: [1.6, 20.7] },
  '562': { iso2: 'NE', label: [1.3, 13.9] },
  '854': { iso2: 'BF', label: [-4.4, 11.75] },
  '384': { iso2: 'CI', label: [-6.6, 9.7] },
  '324': { iso2: 'GN', label: [-10.3, 10.8] },
  '624': { iso2: 'GW', label: [-15.0, 12.0] },
  '694': { iso2: 'SL', label: [-11.8, 8.6] },
  '430': { iso2: 'LR', label: [-9.4, 6.6] },
  '288': { iso2: 'GH', label: [-1.2, 8.0] },
  '270': { iso2: 'GM', label: [-15.4, 13.55] },
  '768': { iso2: 'TG', label: [1.0, 8.6] },
  '204': { iso2: 'BJ', label: [1.55, 10.3] },
};

const MALI = '466';

// --- simplification -------------------------------------------------------------------------

function perpendicularDistance(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  if (length === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / length;
}

/** Douglas–Peucker, keeping both ends so that arcs still meet. */
function simplify(points: Position[], tolerance: number): Position[] {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let worst = -1;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = perpendicularDistance(points[i]!, points[first]!, points[last]!);
      if (d > worst) {
        worst = d;
        index = i;
      }
    }
    if (worst > tolerance && index > 0) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  // A closed arc (an island) needs at least a triangle.
  const kept = points.filter((_, i) => keep[i] === 1);
  if (kept.length < 4 && points[0]![0] === points[points.length - 1]![0] && points[0]![1] === points[points.length - 1]![1]) {
    return points.length <= 4 ? points : [points[0]!, points[Math.floor(points.length / 3)]!, points[Math.floor((2 * points.length) / 3)]!, points[0]!];
  }
  return kept;
}

/** World-atlas arcs are quantised and delta-encoded; this returns a topology in plain degrees. */
function decodedTopology(topology: Topology): Topology {
  const t = topology.transform;
  if (!t) throw new Error('expected a quantised topology');
  const arcs = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    const points: Position[] = arc.map(([dx, dy]) => {
      x += dx!;
      y += dy!;
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
    });
    return simplify(points, TOLERANCE);
  });
  return { type: 'Topology', objects: topology.objects, arcs };
}

// --- clipping -------------------------------------------------------------------------------

const [WEST, SOUTH, EAST, NORTH] = BOX;

type Edge = { inside: (p: Position) => boolean; cut: (a: Position, b: Position) => Position };
const EDGES: Edge[] = [
  { inside: (p) => p[0] >= WEST, cut: (a, b) => [WEST, a[1] + ((b[1] - a[1]) * (WEST - a[0])) / (b[0] - a[0])] },
  { inside: (p) => p[0] <= EAST, cut: (a, b) => [EAST, a[1] + ((b[1] - a[1]) * (EAST - a[0])) / (b[0] - a[0])] },
  { inside: (p) => p[1] >= SOUTH, cut: (a, b) => [a[0] + ((b[0] - a[0]) * (SOUTH - a[1])) / (b[1] - a[1]), SOUTH] },
  { inside: (p) => p[1] <= NORTH, cut: (a, b) => [a[0] + ((b[0] - a[0]) * (NORTH - a[1])) / (b[1] - a[1]), NORTH] },
];

/** Sutherland–Hodgman: fine for filling (edges along the box are never stroked). */
function clipRing(ring: Ring): Ring {
  let output = ring.slice(0, -1);
  for (const edge of EDGES) {
    const input = output;
    output = [];
    for (let i = 0; i < input.length; i++) {
      const current = input[i]!;
      const previous = input[(i + input.length - 1) % input.length]!;
      if (edge.inside(current)) {
        if (!edge.inside(previous)) output.push(edge.cut(previous, current));
        output.push(current);
      } else if (edge.inside(previous)) output.push(edge.cut(previous, current));
    }
    if (output.length === 0) return [];
  }
  return [...output, output[0]!];
}

const insideBox = (p: Position): boolean => p[0] >= WEST && p[0] <= EAST && p[1] >= SOUTH && p[1] <= NORTH;

/** Liang–Barsky on each segment; a line leaving the box is split into several. */
function clipLine(line: Position[]): Position[][] {
  const runs: Position[][] = [];
  let run: Position[] = [];
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    let t0 = 0;
    let t1 = 1;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const checks: [number, number][] = [
      [-dx, a[0] - WEST],
      [dx, EAST - a[0]],
      [-dy, a[1] - SOUTH],
      [dy, NORTH - a[1]],
    ];
    let visible = true;
    for (const [p, q] of checks) {
      if (p === 0) {
        if (q < 0) visible = false;
      } else {
        const r = q / p;
        if (p < 0) t0 = Math.max(t0, r);
        else t1 = Math.min(t1, r);
      }
    }
    if (!visible || t0 > t1) {
      if (run.length > 1) runs.push(run);
      run = [];
      continue;
    }
    const start: Position = t0 > 0 ? [a[0] + t0 * dx, a[1] + t0 * dy] : a;
    const end: Position = t1 < 1 ? [a[0] + t1 * dx, a[1] + t1 * dy] : b;
    if (run.length === 0) run.push(start);
    run.push(end);
    if (t1 < 1) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 1) runs.push(run);
  return runs;
}

// --- output ---------------------------------------------------------------------------------

const factor = 10 ** DECIMALS;
const round = (p: Position): Position => [Math.round(p[0] * factor) / factor, Math.round(p[1] * factor) / factor];

function roundPath(points: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of points.map(round)) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) sum += ring[i - 1]![0] * ring[i]![1] - ring[i]![0] * ring[i - 1]![1];
  return Math.abs(sum) / 2;
}

function insideRing(p: Position, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function countryPolygons(geometry: GeoJSON.Geometry): Ring[][] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  const out: Ring[][] = [];
  for (const polygon of polygons) {
    const rings: Ring[] = [];
    for (const [i, ring] of polygon.entries()) {
      const clipped = roundPath(clipRing(ring as Ring));
      if (clipped.length < 4 || ringArea(clipped) < MIN_RING_AREA) {
        if (i === 0) break; // no outer ring, no holes
        continue;
      }
      rings.push(clipped);
    }
    if (rings.length > 0) out.push(rings);
  }
  return out;
}

function lines(geometry: GeoJSON.MultiLineString): Position[][] {
  const out: Position[][] = [];
  for (const line of geometry.coordinates) {
    if (!line.some((p) => insideBox(p as Position))) continue;
    for (const run of clipLine(line as Position[])) {
      const rounded = roundPath(run);
      if (rounded.length > 1) out.push(rounded);
    }
  }
  return out;
}

/** Position of a point on the box's boundary, counter-clockwise from the south-west corner, or null if it is not on it. */
function perimeter(p: Position): number | null {
  const w = EAST - WEST;
  const h = NORTH - SOUTH;
  const eps = 1e-6;
  if (Math.abs(p[1] - SOUTH) < eps) return p[0] - WEST;
  if (Math.abs(p[0] - EAST) < eps) return w + (p[1] - SOUTH);
  if (Math.abs(p[1] - NORTH) < eps) return w + h + (EAST - p[0]);
  if (Math.abs(p[0] - WEST) < eps) return 2 * w + h + (NORTH - p[1]);
  return null;
}

/**
 * The longest coastline that crosses the box, closed along the box's edges on the side of the
 * south-west corner (open Atlantic in this part of the world).
 */
function seaPolygon(coast: Position[][]): Ring | null {
  const crossing = coast
    .map((line) => ({ line, from: perimeter(line[0]!), to: perimeter(line[line.length - 1]!) }))
    .filter((c): c is { line: Position[]; from: number; to: number } => c.from !== null && c.to !== null)
    .sort((a, b) => b.line.length - a.line.length)[0];
  if (!crossing) return null;
  const w = EAST - WEST;
  const h = NORTH - SOUTH;
  const total = 2 * (w + h);
  const corners: [number, Position][] = [
    [0, [WEST, SOUTH]],
    [w, [EAST, SOUTH]],
    [w + h, [EAST, NORTH]],
    [2 * w + h, [WEST, NORTH]],
  ];
  // Walk the boundary from the coast's end back to its start, one way or the other: the way that passes the south-west corner.
  const forward = (crossing.from - crossing.to + total) % total;
  const passesCorner = crossing.to + forward >= total;
  const ring: Position[] = [...crossing.line];
  const step = passesCorner ? 1 : -1;
  const distance = passesCorner ? forward : total - forward;
  const along = corners
    .map(([t, corner]) => ({ corner, d: (step * (t - crossing.to) + total) % total }))
    .filter((c) => c.d > 0 && c.d < distance)
    .sort((a, b) => a.d - b.d);
  for (const { corner } of along) ring.push(corner);
  ring.push(crossing.line[0]!);
  return roundPath(ring);
}

function main(): void {
  const source = JSON.parse(readFileSync(resolve(root, 'node_modules/world-atlas/countries-50m.json'), 'utf8')) as Topology;
  const topology = decodedTopology(source);
  const countries = topology.objects.countries as GeometryCollection<{ name: string }>;
  const wanted = countries.geometries.filter((g) => g.id !== undefined && String(g.id) in COUNTRIES);

  const features: GeoJSON.Feature[] = [];
  for (const geometry of wanted) {
    const id = String(geometry.id);
    const meta = COUNTRIES[id]!;
    const shape = geometry as Polygon<{ name: string }> | MultiPolygon<{ name: string }>;
    const polygons = countryPolygons(shape.type === 'Polygon' ? feature(topology, shape).geometry : feature(topology, shape).geometry);
    if (polygons.length === 0) continue;
    // A hand-placed label must sit inside its own country, or the map would name the wrong land.
    if (!polygons.some((rings) => insideRing(meta.label, rings[0]!))) throw new Error(`the label of ${meta.iso2} at ${meta.label.join(', ')} is outside the country`);
    features.push({
      type: 'Feature',
      id: meta.iso2,
      properties: { kind: 'country', iso2: meta.iso2, numeric: id, name: shape.properties?.name ?? meta.iso2, label: meta.label },
      geometry: polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons },
    });
  }
  // Mali first, then the neighbours by code: a stable order keeps the file's diffs small.
  features.sort((a, b) => (a.id === 'ML' ? -1 : b.id === 'ML' ? 1 : String(a.id).localeCompare(String(b.id))));

  const selected = (g: GeometryObject | undefined): boolean => g?.id !== undefined && String(g.id) in COUNTRIES;
  const isMali = (g: GeometryObject | undefined): boolean => String(g?.id) === MALI;
  const meshes: [string, (a: GeometryObject, b: GeometryObject) => boolean][] = [
    ['mali-border', (a, b) => a !== b && (isMali(a) || isMali(b))],
    ['border', (a, b) => a !== b && !isMali(a) && !isMali(b) && (selected(a) || selected(b))],
    ['coast', (a, b) => a === b && selected(a)],
  ];
  for (const [kind, filter] of meshes) {
    const coordinates = lines(mesh(topology, countries as GeometryCollection, filter));
    features.push({ type: 'Feature', properties: { kind }, geometry: { type: 'MultiLineString', coordinates } });
  }

  // The sea, as one polygon: the coastline closed along the box's edges. The scene clears to
  // Mali's colour and fills only the sea and the neighbours, so Mali, most of the view, costs
  // no drawing (that matters where WebGL is software-rendered).
  const coast = lines(mesh(topology, countries as GeometryCollection, (a, b) => a === b && selected(a)));
  const sea = seaPolygon(coast);
  if (sea) features.push({ type: 'Feature', properties: { kind: 'sea' }, geometry: { type: 'Polygon', coordinates: [sea] } });

  const collection = {
    type: 'FeatureCollection',
    bbox: BOX,
    source: 'Natural Earth 1:50m admin-0 countries (public domain), via the world-atlas package; simplified and clipped by scripts/build-map.ts',
    features,
  };
  mkdirSync(dirname(OUT), { recursive: true });
  const text = JSON.stringify(collection);
  writeFileSync(OUT, `${text}\n`);
  const points = (text.match(/\],\[/g) ?? []).length;
  console.log(`wrote ${OUT}: ${features.length} features, ~${points} points, ${(text.length / 1024).toFixed(1)} KB`);
}

main();

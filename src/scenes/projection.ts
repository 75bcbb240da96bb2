/**
 * From longitude/latitude to the map's world coordinates, and the camera arithmetic on top.
 * Pure (no Phaser, no DOM) so that it is tested under Node.
 *
 * World units: a Mercator projection fitted so that the level's towns fill a WORLD_SIZE
 * square (x grows east, y grows south, as on screen). The camera then scales world units to
 * canvas pixels; Phaser's camera zooms about the centre of its viewport, and the functions
 * below use the same convention so that hit tests agree with what is drawn.
 *
 * The projection is written out rather than taken from d3-geo: the formula is two lines, and
 * importing even `geoMercatorRaw` brings ~8 KB (gzipped) of d3-geo into the game's bundle,
 * whose budget is tight. The unit test checks that it agrees with d3-geo's
 * `geoMercator().fitSize(...)` to a millionth of a unit.
 */
export const WORLD_SIZE = 1000;

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Place {
  lat: number;
  lon: number;
}

export interface MapProjection {
  project(lon: number, lat: number): Point;
  /** The projected bounding box of the places the projection was fitted to. */
  placesBounds: Rect;
}

/** Spherical Mercator, in radians, north up (as d3-geo's `geoMercatorRaw`). */
function mercator(lon: number, lat: number): [number, number] {
  const lambda = (lon * Math.PI) / 180;
  const phi = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
  return [lambda, Math.log(Math.tan(Math.PI / 4 + phi / 2))];
}

/**
 * A Mercator projection fitted to `places` (e.g. a level's towns) like d3-geo's `fitSize`:
 * scaled so that they fill `size` along their longer side, centred along the other. At these
 * latitudes Mercator's distortion is under 5 %.
 */
export function createProjection(places: readonly Place[], size = WORLD_SIZE): MapProjection {
  if (places.length === 0) throw new RangeError('a map needs at least one place');
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const place of places) {
    const [x, y] = mercator(place.lon, place.lat);
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const span = Math.max(maxX - minX, maxY - minY);
  const k = span > 0 ? size / span : 1;
  const offsetX = (size - (maxX - minX) * k) / 2;
  const offsetY = (size - (maxY - minY) * k) / 2;
  const project = (lon: number, lat: number): Point => {
    const [x, y] = mercator(lon, lat);
    return { x: (x - minX) * k + offsetX, y: (maxY - y) * k + offsetY };
  };
  return { project, placesBounds: boundsOf(places.map((p) => project(p.lon, p.lat))) };
}

export function boundsOf(points: readonly Point[]): Rect {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  if (minX > maxX) return { x: 0, y: 0, width: 0, height: 0 };
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** A [west, south, east, north] box in degrees, projected (north is the top edge). */
export function projectBox(projection: MapProjection, box: readonly [number, number, number, number]): Rect {
  const [west, south, east, north] = box;
  return boundsOf([projection.project(west, north), projection.project(east, south)]);
}

// --- camera ---------------------------------------------------------------------------------

/** What the camera shows: viewport size in canvas pixels, zoom (pixels per world unit), scroll as in Phaser. */
export interface View {
  width: number;
  height: number;
  zoom: number;
  scrollX: number;
  scrollY: number;
}

export function screenToWorld(view: View, sx: number, sy: number): Point {
  return {
    x: (sx - view.width / 2) / view.zoom + view.scrollX + view.width / 2,
    y: (sy - view.height / 2) / view.zoom + view.scrollY + view.height / 2,
  };
}

export function worldToScreen(view: View, wx: number, wy: number): Point {
  return {
    x: (wx - view.scrollX - view.width / 2) * view.zoom + view.width / 2,
    y: (wy - view.scrollY - view.height / 2) * view.zoom + view.height / 2,
  };
}

/** The world point at the centre of the view. */
export const viewCenter = (view: View): Point => ({ x: view.scrollX + view.width / 2, y: view.scrollY + view.height / 2 });

export function centerOn(view: View, wx: number, wy: number): View {
  return { ...view, scrollX: wx - view.width / 2, scrollY: wy - view.height / 2 };
}

/** Change the zoom keeping the world point under the screen point (sx, sy) in place: wheel and pinch zoom. */
export function zoomAt(view: View, zoom: number, sx: number, sy: number): View {
  const anchor = screenToWorld(view, sx, sy);
  return {
    ...view,
    zoom,
    scrollX: anchor.x - view.width / 2 - (sx - view.width / 2) / zoom,
    scrollY: anchor.y - view.height / 2 - (sy - view.height / 2) / zoom,
  };
}

/** The zoom at which `rect` fits the viewport with `padX`/`padY` pixels of margin on each side. */
export function fitZoom(width: number, height: number, rect: Rect, padX: number, padY: number): number {
  const zx = Math.max(1, width - 2 * padX) / Math.max(1, rect.width);
  const zy = Math.max(1, height - 2 * padY) / Math.max(1, rect.height);
  return Math.min(zx, zy);
}

export interface ZoomLimits {
  min: number;
  max: number;
}

/**
 * Keep the zoom within limits and the view inside `bounds` (the drawn geography): along an
 * axis where the view is wider than the bounds, it is centred on them instead.
 */
export function clampView(view: View, bounds: Rect, limits: ZoomLimits): View {
  const zoom = Math.min(limits.max, Math.max(limits.min, view.zoom));
  const center = viewCenter(view);
  const halfW = view.width / 2 / zoom;
  const halfH = view.height / 2 / zoom;
  const clampAxis = (c: number, half: number, lo: number, size: number): number =>
    2 * half >= size ? lo + size / 2 : Math.min(lo + size - half, Math.max(lo + half, c));
  const cx = clampAxis(center.x, halfW, bounds.x, bounds.width);
  const cy = clampAxis(center.y, halfH, bounds.y, bounds.height);
  return centerOn({ ...view, zoom }, cx, cy);
}

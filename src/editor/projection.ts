/**
 * The editor's map arithmetic: an equirectangular projection fitted to a box of latitudes
 * and longitudes, its inverse (a click becomes a position), and road lengths. Pure.
 *
 * Equirectangular with the longitudes shrunk by the cosine of the middle latitude: at
 * Mali's latitudes (10–16° N) it differs from Mercator by under 3 %, and it inverts exactly,
 * which is what placing a town by clicking needs.
 */

export interface LatLon {
  lat: number;
  lon: number;
}

export interface Bounds {
  south: number;
  west: number;
  north: number;
  east: number;
}

export interface Projection {
  readonly width: number;
  readonly height: number;
  project(lat: number, lon: number): { x: number; y: number };
  invert(x: number, y: number): LatLon;
}

/** The box around `places`, widened by `marginDeg` on each side (a lone place gets a box around it). */
export function boundsOf(places: readonly LatLon[], marginDeg = 0.6): Bounds {
  const usable = places.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));
  if (usable.length === 0) return { south: 10 - marginDeg, west: -12 - marginDeg, north: 15.5 + marginDeg, east: -4 + marginDeg };
  const lats = usable.map((p) => p.lat);
  const lons = usable.map((p) => p.lon);
  return {
    south: Math.max(-85, Math.min(...lats) - marginDeg),
    north: Math.min(85, Math.max(...lats) + marginDeg),
    west: Math.max(-180, Math.min(...lons) - marginDeg),
    east: Math.min(180, Math.max(...lons) + marginDeg),
  };
}

/**
 * Fits `bounds` into a `width` × `height` view with `padding` pixels around, centred, north
 * up; `bottomInset` pixels at the foot are kept clear (a caption lies over them).
 */
export function fitProjection(bounds: Bounds, width: number, height: number, padding = 24, bottomInset = 0): Projection {
  const midLat = (bounds.south + bounds.north) / 2;
  const kx = Math.cos((midLat * Math.PI) / 180);
  const spanX = Math.max((bounds.east - bounds.west) * kx, 1e-6);
  const spanY = Math.max(bounds.north - bounds.south, 1e-6);
  const innerW = Math.max(width - 2 * padding, 1);
  const innerH = Math.max(height - bottomInset - 2 * padding, 1);
  const scale = Math.min(innerW / spanX, innerH / spanY);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - bottomInset - spanY * scale) / 2;
  return {
    width,
    height,
    project: (lat, lon) => ({ x: offsetX + (lon - bounds.west) * kx * scale, y: offsetY + (bounds.north - lat) * scale }),
    invert: (x, y) => ({ lat: bounds.north - (y - offsetY) / scale, lon: bounds.west + (x - offsetX) / (kx * scale) }),
  };
}

const EARTH_RADIUS_KM = 6371;

/** Distance along the Earth's surface (haversine), in kilometres. */
export function greatCircleKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Roads wind: a new road's length starts at the straight-line distance plus a fifth, a
 * whole number of kilometres within the schema's 1–2,000. The designer corrects it from a
 * map or the shipped levels.
 */
const ROAD_WINDING = 1.2;

export function defaultRoadKm(a: LatLon, b: LatLon): number {
  return Math.min(2000, Math.max(1, Math.round(greatCircleKm(a, b) * ROAD_WINDING)));
}

/** Rounds a coordinate to `digits` decimals (3 is about 100 m), without floating-point tails. */
export function roundCoord(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

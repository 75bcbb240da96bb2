/**
 * The country shapes behind the map, from assets/map/west-africa.json (made by
 * scripts/build-map.ts). Fetched at runtime rather than imported so that it stays out of the
 * JavaScript bundle and can be cached on its own. Parsing is defensive: anything malformed is
 * skipped, and a map without geography still shows towns, roads and convoys.
 */
export type Ring = [number, number][];

export interface Country {
  iso2: string;
  name: string;
  /** Outer rings only (holes do not occur in the clipped area). */
  polygons: Ring[];
  label: [number, number] | null;
}

export interface Geography {
  countries: Country[];
  borders: Ring[];
  maliBorder: Ring[];
  coast: Ring[];
  /** The Atlantic within the box, or null. */
  sea: Ring | null;
  /** [west, south, east, north] in degrees: how far the geography goes. */
  bbox: [number, number, number, number];
}

export const GEOGRAPHY_URL = 'map/west-africa.json';
/** The box scripts/build-map.ts clips to, used until the file has loaded. */
export const DEFAULT_BBOX: [number, number, number, number] = [-18.5, 4, 2, 21];
const MAX_BYTES = 1_000_000;

const loading = new Map<string, Promise<Geography | null>>();

/** The geography, fetched once per page: the game asks for it early, while the menu is still up. */
export function loadGeography(url = GEOGRAPHY_URL): Promise<Geography | null> {
  let pending = loading.get(url);
  if (!pending) {
    pending = fetchGeography(url);
    loading.set(url, pending);
  }
  return pending;
}

async function fetchGeography(url: string): Promise<Geography | null> {
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const text = await response.text();
    if (text.length > MAX_BYTES) throw new Error('file too large');
    return parseGeography(JSON.parse(text) as unknown);
  } catch (error) {
    console.warn(`The map's country borders could not be loaded from ${url}:`, error);
    return null;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPosition = (v: unknown): v is [number, number] => Array.isArray(v) && v.length >= 2 && Number.isFinite(v[0]) && Number.isFinite(v[1]);

function asRing(v: unknown): Ring | null {
  if (!Array.isArray(v) || v.length < 2 || !v.every(isPosition)) return null;
  return v.map((p) => [p[0], p[1]]);
}

function rings(list: unknown): Ring[] {
  if (!Array.isArray(list)) return [];
  return list.map(asRing).filter((r): r is Ring => r !== null);
}

export function parseGeography(data: unknown): Geography | null {
  if (!isObject(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features)) return null;
  const geography: Geography = { countries: [], borders: [], maliBorder: [], coast: [], sea: null, bbox: DEFAULT_BBOX };
  if (Array.isArray(data.bbox) && data.bbox.length === 4 && data.bbox.every(Number.isFinite)) {
    geography.bbox = data.bbox as [number, number, number, number];
  }
  for (const feature of data.features) {
    if (!isObject(feature) || !isObject(feature.properties) || !isObject(feature.geometry)) continue;
    const { properties: p, geometry: g } = feature;
    if (p.kind === 'country' && typeof p.iso2 === 'string') {
      const polygons =
        g.type === 'Polygon' && Array.isArray(g.coordinates)
          ? rings(g.coordinates.slice(0, 1))
          : g.type === 'MultiPolygon' && Array.isArray(g.coordinates)
            ? g.coordinates.flatMap((polygon: unknown) => (Array.isArray(polygon) ? rings(polygon.slice(0, 1)) : []))
            : [];
      if (polygons.length === 0) continue;
      geography.countries.push({
        iso2: p.iso2,
        name: typeof p.name === 'string' ? p.name : p.iso2,
        polygons,
        label: isPosition(p.label) ? [p.label[0], p.label[1]] : null,
      });
    } else if (p.kind === 'sea' && g.type === 'Polygon' && Array.isArray(g.coordinates)) {
      geography.sea = rings(g.coordinates.slice(0, 1))[0] ?? null;
    } else if (g.type === 'MultiLineString') {
      const lines = rings(g.coordinates);
      if (p.kind === 'border') geography.borders.push(...lines);
      else if (p.kind === 'mali-border') geography.maliBorder.push(...lines);
      else if (p.kind === 'coast') geography.coast.push(...lines);
    }
  }
  return geography;
}

/**
 * Country outlines behind the editor's map, read from the game's own map data
 * (`map/west-africa.json`, a GeoJSON FeatureCollection made by scripts/build-map.ts). Read
 * defensively: anything unexpected is skipped, and without outlines the map still works.
 */
export type Ring = readonly (readonly [number, number])[];

export interface CountryOutline {
  iso2: string;
  name: string;
  /** Outer rings, in [lon, lat]. */
  rings: Ring[];
  /** Where the name goes, [lon, lat]. */
  label: readonly [number, number] | null;
}

const OUTLINES_URL = './map/west-africa.json';
const MAX_BYTES = 1_000_000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPosition = (v: unknown): v is [number, number] => Array.isArray(v) && v.length >= 2 && Number.isFinite(v[0]) && Number.isFinite(v[1]);

function ring(v: unknown): Ring | null {
  return Array.isArray(v) && v.length >= 3 && v.every(isPosition) ? v.map((p) => [p[0], p[1]] as const) : null;
}

function parseOutlines(data: unknown): CountryOutline[] {
  if (!isRecord(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features)) return [];
  return data.features.flatMap((feature: unknown): CountryOutline[] => {
    if (!isRecord(feature) || !isRecord(feature.properties) || !isRecord(feature.geometry)) return [];
    const { properties: p, geometry: g } = feature;
    if (p.kind !== 'country' || typeof p.iso2 !== 'string' || !Array.isArray(g.coordinates)) return [];
    const polygons: unknown[] = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    const rings = polygons.flatMap((polygon) => {
      const outer = Array.isArray(polygon) ? ring(polygon[0]) : null;
      return outer ? [outer] : [];
    });
    if (rings.length === 0) return [];
    return [{ iso2: p.iso2, name: typeof p.name === 'string' ? p.name : p.iso2, rings, label: isPosition(p.label) ? [p.label[0], p.label[1]] : null }];
  });
}

export async function loadOutlines(url = OUTLINES_URL): Promise<CountryOutline[]> {
  try {
    const response = await fetch(url);
    if (!response.ok) return [];
    const text = await response.text();
    return text.length > MAX_BYTES ? [] : parseOutlines(JSON.parse(text) as unknown);
  } catch {
    return [];
  }
}

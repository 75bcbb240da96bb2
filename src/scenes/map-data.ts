/**
 * What the map's backdrop draws for a level, ready to draw: the sea, the neighbouring
 * countries, coasts and borders as SVG path data in the level's world units (see
 * projection.ts), and each country's name and where it goes. It depends only on the
 * geography and the level's towns (the projection is fitted to them), so for the shipped
 * levels the build makes it once (build/map-data-plugin.ts writes `map/levels/<id>.json`)
 * and the game only turns the paths into `Path2D`s. A level the build has not seen (the
 * editor's draft, a file being edited under `npm start`) gets the same data made in the
 * page from the geography file, by the same function.
 *
 * Pure: no DOM, so the build runs it under Node and the tests compare both ways of getting it.
 */
import type { Lang } from '../app/i18n';
import type { Geography, Ring } from './geography';
import { createProjection, projectBox, type Place, type Point, type Rect } from './projection';

/** Bumped when the format changes, so that an old file is never read as a new one. */
export const MAP_DATA_VERSION = 1;

export interface MapData {
  version: number;
  /**
   * The places the projection was fitted to (the level's towns, `lon,lat;…`): data made
   * for other towns would put the countries in the wrong place, so the game checks this.
   */
  places: string;
  /** The geography's box, projected: how far the view may go. */
  bounds: Rect;
  sea: string | null;
  /** Every country but Mali (the backdrop is cleared to Mali's colour). */
  land: string;
  coast: string;
  borders: string;
  maliBorder: string;
  countries: MapCountry[];
}

export interface MapCountry {
  iso2: string;
  /** World units. */
  at: Point;
  /** The name in each language the data was made for (the page asks the browser for others). */
  names: Partial<Record<Lang, string>>;
  /** The geography file's English name, if nothing better is known. */
  fallback: string;
}

/** Where the map data for a shipped level is served, relative to the page. */
export const mapDataUrl = (levelId: string): string => `map/levels/${levelId}.json`;

export const placesKey = (places: readonly Place[]): string => places.map((p) => `${p.lon},${p.lat}`).join(';');

/** World coordinates keep two decimals: a hundredth of a world unit is under a pixel at the closest zoom. */
const n = (value: number): string => String(Math.round(value * 100) / 100);

function path(rings: readonly Ring[], project: (lon: number, lat: number) => Point, close: boolean): string {
  let d = '';
  for (const ring of rings) {
    ring.forEach(([lon, lat], i) => {
      const p = project(lon, lat);
      d += `${i === 0 ? 'M' : 'L'}${n(p.x)} ${n(p.y)}`;
    });
    if (close && ring.length > 0) d += 'Z';
  }
  return d;
}

/**
 * The map data for a level's `places` (its towns). `names(iso2, lang)` gives a country's
 * name in each of `langs` (undefined: leave it to the page).
 */
export function buildMapData(geography: Geography, places: readonly Place[], names: (iso2: string, lang: Lang) => string | undefined, langs: readonly Lang[]): MapData {
  const projection = createProjection(places);
  const project = projection.project;
  const countries: MapCountry[] = [];
  for (const country of geography.countries) {
    if (!country.label) continue;
    const named: Partial<Record<Lang, string>> = {};
    for (const lang of langs) {
      const name = names(country.iso2, lang);
      if (name) named[lang] = name;
    }
    countries.push({ iso2: country.iso2, at: roundPoint(project(country.label[0], country.label[1])), names: named, fallback: country.name });
  }
  const bounds = projectBox(projection, geography.bbox);
  return {
    version: MAP_DATA_VERSION,
    places: placesKey(places),
    bounds: { x: Number(n(bounds.x)), y: Number(n(bounds.y)), width: Number(n(bounds.width)), height: Number(n(bounds.height)) },
    sea: geography.sea ? path([geography.sea], project, true) : null,
    land: path(
      geography.countries.filter((c) => c.iso2 !== 'ML').flatMap((c) => c.polygons),
      project,
      true,
    ),
    coast: path(geography.coast, project, false),
    borders: path(geography.borders, project, false),
    maliBorder: path(geography.maliBorder, project, false),
    countries,
  };
}

const roundPoint = (p: Point): Point => ({ x: Number(n(p.x)), y: Number(n(p.y)) });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isRect = (v: unknown): v is Rect => isObject(v) && ['x', 'y', 'width', 'height'].every((k) => Number.isFinite(v[k]));
const isPoint = (v: unknown): v is Point => isObject(v) && Number.isFinite(v.x) && Number.isFinite(v.y);

/** Map data read from a file, if it is map data of this version made for exactly these places; otherwise null. */
export function parseMapData(data: unknown, places: readonly Place[]): MapData | null {
  if (!isObject(data) || data.version !== MAP_DATA_VERSION || data.places !== placesKey(places) || !isRect(data.bounds)) return null;
  const strings = ['land', 'coast', 'borders', 'maliBorder'] as const;
  if (!strings.every((k) => typeof data[k] === 'string') || !(data.sea === null || typeof data.sea === 'string')) return null;
  if (!Array.isArray(data.countries)) return null;
  const countries: MapCountry[] = [];
  for (const c of data.countries as unknown[]) {
    if (!isObject(c) || typeof c.iso2 !== 'string' || !isPoint(c.at) || !isObject(c.names) || typeof c.fallback !== 'string') return null;
    const names: Partial<Record<Lang, string>> = {};
    for (const lang of ['en', 'fr'] as const) if (typeof c.names[lang] === 'string') names[lang] = c.names[lang];
    countries.push({ iso2: c.iso2, at: { x: c.at.x, y: c.at.y }, names, fallback: c.fallback });
  }
  return { ...(data as unknown as MapData), countries };
}

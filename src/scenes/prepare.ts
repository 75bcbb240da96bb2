/**
 * The map's start, before Phaser: everything that needs only Canvas 2D and the level is done
 * here, while the Phaser chunk (the largest file) is still arriving and the page would
 * otherwise wait: the map data (precomputed by the build for shipped levels), the world
 * layout, the backdrop's shapes and the atlas of markers and labels. This module does not
 * import Phaser, so the page can load and run it first; `mountMap` then only hands the
 * pictures to the GPU.
 */
import { countryName, lang } from '../app/i18n';
import type { GameSession } from '../app/session';
import type { Level } from '../levels/schema';
import { MapAtlas } from './atlas';
import { Backdrop, type CountryName } from './backdrop';
import { DEFAULT_BBOX, loadGeography } from './geography';
import { softwareWebGL } from './gpu';
import { ICON_KEYS } from './icons';
import { buildLayout, type MapLayout } from './layout';
import { buildMapData, mapDataUrl, parseMapData, type MapData } from './map-data';
import { drawMapText } from './map-text';
import type { Rect } from './projection';
import { projectBox } from './projection';

export interface PreparedMap {
  /** Canvas pixels per CSS pixel. */
  pixelRatio: number;
  layout: MapLayout;
  backdrop: Backdrop;
  /** Drawn, not yet a texture. */
  atlas: MapAtlas;
  /** How far the view may go, world units. */
  bounds: Rect;
  /** Whether the backdrop came from the build's data (for the tests and the benchmark). */
  source: 'build' | 'page' | 'none';
}

/**
 * Sharp on high-density screens, but capped: every extra canvas pixel costs fill rate on
 * phones, and far more without a GPU (asked only where it matters: the probe takes time).
 */
export function mapPixelRatio(): number {
  const density = Math.min(2, Math.max(1, window.devicePixelRatio || 1));
  return density > 1 && softwareWebGL() ? 1 : density;
}

const MAX_BYTES = 1_000_000;
const files = new Map<string, Promise<unknown>>();

/**
 * The build's map data file for a level id, as JSON (null if there is none): fetched once per
 * page, and as early as the page knows the level (a class link names it).
 */
export function fetchMapData(levelId: string): Promise<unknown> {
  let pending = files.get(levelId);
  if (!pending) {
    pending = fetch(mapDataUrl(levelId))
      .then(async (response) => {
        if (!response.ok) return null;
        const text = await response.text();
        return text.length <= MAX_BYTES ? (JSON.parse(text) as unknown) : null;
      })
      // Not a shipped level, or offline without the file: the map is drawn from the geography instead.
      .catch(() => null);
    files.set(levelId, pending);
  }
  return pending;
}

export interface LoadedMapData {
  data: MapData | null;
  source: PreparedMap['source'];
}

/**
 * The level's map data: the build's file, if it was made for exactly this level's towns;
 * otherwise made here from the geography file (a draft from the editor, a level edited
 * since the build).
 */
export async function loadMapData(level: Level): Promise<LoadedMapData> {
  const built = parseMapData(await fetchMapData(level.id), level.towns);
  if (built) return { data: built, source: 'build' };
  const geography = await loadGeography();
  if (!geography) return { data: null, source: 'none' };
  const language = lang();
  return { data: buildMapData(geography, level.towns, (iso2, l) => (l === language ? countryName(iso2) : undefined), [language]), source: 'page' };
}

/** Everything the map can draw before Phaser runs. `data`: the level's map data, if the page asked for it earlier. */
export async function prepareMap(session: GameSession, data: Promise<LoadedMapData> = loadMapData(session.ctx.level)): Promise<PreparedMap> {
  const pixelRatio = mapPixelRatio();
  const layout = buildLayout(session.ctx);
  const { data: map, source } = await data;
  const language = lang();
  const nameOf = (iso2: string): string => {
    const known = map?.countries.find((c) => c.iso2 === iso2);
    return known?.names[language] ?? countryName(iso2, known?.fallback ?? iso2);
  };
  const upper = (text: string): string => text.toLocaleUpperCase(language);
  const atlas = new MapAtlas(pixelRatio);
  for (const key of ICON_KEYS) atlas.icon(key);
  drawMapText(atlas, session.ctx, nameOf, upper);
  atlas.draw();
  const backdrop = new Backdrop(pixelRatio);
  const names: CountryName[] = (map?.countries ?? []).map((c) => ({ text: upper(nameOf(c.iso2)), at: c.at, mali: c.iso2 === 'ML' }));
  backdrop.setMapData(map, names);
  return { pixelRatio, layout, backdrop, atlas, bounds: map?.bounds ?? projectBox(layout.projection, DEFAULT_BBOX), source };
}

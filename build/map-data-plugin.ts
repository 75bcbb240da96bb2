/**
 * The map's backdrop for each shipped level, made at build time (see src/scenes/map-data.ts):
 * the geography projected for the level's towns, as path data ready to draw, with the
 * countries' names in English and French. Emitted as `map/levels/<id>.json` beside the
 * levels; the dev server makes the same file on request from the level file as it is now,
 * so it is never older than the level. A level this plugin has not seen is drawn from the
 * geography file in the page, by the same function.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import type { Lang } from '../src/app/i18n';
import { parseLevel } from '../src/levels/parse';
import { parseGeography } from '../src/scenes/geography';
import { buildMapData, mapDataUrl, type MapData } from '../src/scenes/map-data';

const LANGS: readonly Lang[] = ['en', 'fr'];
const LOCALE: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR' };

/** A country's name as the browser's `Intl.DisplayNames` gives it in the game (src/app/i18n.ts, same locales). */
function countryName(iso2: string, lang: Lang): string | undefined {
  try {
    return new Intl.DisplayNames([LOCALE[lang]], { type: 'region' }).of(iso2);
  } catch {
    return undefined;
  }
}

/** Map data for every valid level file in `levelsDir` (an invalid one is the levels plugin's to report), by level id. */
export function shippedMapData(levelsDir: string, geographyFile: string): Map<string, MapData> {
  const geography = parseGeography(JSON.parse(readFileSync(geographyFile, 'utf8')) as unknown);
  const out = new Map<string, MapData>();
  if (!geography) return out;
  for (const file of readdirSync(levelsDir).filter((f) => f.endsWith('.json') && f !== 'schema.json')) {
    const parsed = parseLevel(readFileSync(join(levelsDir, file), 'utf8'), `levels/${file}`);
    if (!parsed.ok) continue;
    out.set(parsed.value.id, buildMapData(geography, parsed.value.towns, countryName, LANGS));
  }
  return out;
}

export function mapDataPlugin(levelsDir: string, geographyFile: string): Plugin {
  return {
    name: 'lifeline-map-data',
    buildStart() {
      this.addWatchFile(geographyFile);
    },
    generateBundle() {
      for (const [id, data] of shippedMapData(levelsDir, geographyFile)) {
        this.emitFile({ type: 'asset', fileName: mapDataUrl(id), source: JSON.stringify(data) });
      }
    },
    configureServer(server: ViteDevServer) {
      server.middlewares.use((req, res, next) => {
        const match = /\/map\/levels\/([a-z0-9-]+)\.json(\?.*)?$/.exec(req.url ?? '');
        if (!match) return next();
        const data = shippedMapData(levelsDir, geographyFile).get(match[1]!);
        if (!data) return next();
        res.setHeader('Content-Type', 'application/json');
        res.setHeader('Cache-Control', 'no-store');
        res.end(JSON.stringify(data));
      });
    },
  };
}
